from django.contrib import admin

from mentors.models import Assignment, Cohort, FollowUp, Mentor


@admin.register(Mentor)
class MentorAdmin(admin.ModelAdmin):
    list_display = ["user", "region", "home_province", "is_active"]
    list_filter = ["region", "is_active"]
    list_select_related = ["user", "region", "home_province"]
    search_fields = ["user__display_name", "user__username", "phone"]
    autocomplete_fields = ["user"]
    filter_horizontal = ["provinces"]


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ["name", "region", "year", "starts_on", "ends_on"]
    list_filter = ["region", "year"]
    search_fields = ["name"]
    filter_horizontal = ["groups", "mentors", "trainees"]


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["mentor", "group", "starts_on", "ends_on"]
    list_select_related = ["mentor__user", "group"]
    raw_id_fields = ["mentor", "group", "created_by"]


@admin.register(FollowUp)
class FollowUpAdmin(admin.ModelAdmin):
    list_display = ["group", "mentor", "happened_on", "kind"]
    list_filter = ["kind"]
    list_select_related = ["mentor__user", "group"]
    raw_id_fields = ["mentor", "group"]
