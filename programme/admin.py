from django.contrib import admin

from programme.models import PlanItem, Result, StageMove


@admin.register(Result)
class ResultAdmin(admin.ModelAdmin):
    list_display = ("group", "fiscal_year", "quarter", "income", "costs", "confirmed_at")
    list_select_related = ("group",)
    raw_id_fields = ("group", "entered_by", "confirmed_by")


@admin.register(StageMove)
class StageMoveAdmin(admin.ModelAdmin):
    list_display = ("group", "from_stage", "to_stage", "by", "at")
    list_select_related = ("group", "by")
    raw_id_fields = ("group", "by")


@admin.register(PlanItem)
class PlanItemAdmin(admin.ModelAdmin):
    list_display = ("group", "area", "what", "due_on", "status")
    list_select_related = ("group",)
    raw_id_fields = ("group",)


# Stories and photos: the photos' files are served only by the portal's own views, which
# check who may see them, so the admin lists the stories and leaves the files alone.
from programme.models import Story  # noqa: E402


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ("title", "group", "published_at", "created_at")
    list_select_related = ("group",)
    list_filter = (("published_at", admin.EmptyFieldListFilter),)
    raw_id_fields = ("group", "author")
    search_fields = ("title",)
