from django.contrib import admin

from communities.models import CapitalItem, GroupLink
from programme.models import Forum, PlanItem, Result, StageMove, Story


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


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ("title", "group", "published_at", "created_at")
    list_select_related = ("group",)
    list_filter = (("published_at", admin.EmptyFieldListFilter),)
    raw_id_fields = ("group", "author")
    search_fields = ("title",)


# Learning forums, networks of groups and community capital: the portal's pages are where
# they are recorded (with their rules and audit entries); the admin is for looking things
# up and correcting a slip. Groups, tambons and people are big tables: picked by id or by
# search, never listed whole in a select.


@admin.register(Forum)
class ForumAdmin(admin.ModelAdmin):
    list_display = ("title", "held_on", "tambon", "participants", "created_by")
    list_select_related = ("tambon", "created_by")
    list_filter = ("tambon__province__region",)
    date_hierarchy = "held_on"
    search_fields = ("title", "organisers", "tambon__name_th", "tambon__code")
    raw_id_fields = ("tambon", "created_by")
    autocomplete_fields = ("groups",)


@admin.register(GroupLink)
class GroupLinkAdmin(admin.ModelAdmin):
    list_display = ("group_low", "group_high", "kind", "status", "created_at")
    list_select_related = ("group_low", "group_high")
    list_filter = ("status", "kind")
    search_fields = ("group_low__name", "group_high__name", "note")
    raw_id_fields = ("group_low", "group_high", "proposed_by_group", "created_by", "accepted_by")


@admin.register(CapitalItem)
class CapitalItemAdmin(admin.ModelAdmin):
    list_display = ("what", "kind", "tambon", "added_by", "created_at")
    list_select_related = ("tambon", "added_by")
    list_filter = ("kind", "tambon__province__region")
    search_fields = ("what", "detail", "tambon__name_th", "tambon__code")
    raw_id_fields = ("tambon", "added_by")
