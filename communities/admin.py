from django.contrib import admin

from communities import services
from communities.models import (
    CommunityGroup,
    Invitation,
    Membership,
    Province,
    Region,
    RegionStaff,
)


class ProvinceInline(admin.TabularInline):
    model = Province
    fields = ["code", "name_th", "name_en"]
    readonly_fields = ["code", "name_th", "name_en"]
    extra = 0
    can_delete = False


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name_th", "name_en", "slug", "order"]
    inlines = [ProvinceInline]


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    """Staff move provinces between regions here; names come from geothai."""

    list_display = ["code", "name_th", "name_en", "region", "abolished_on"]
    list_filter = ["region"]
    list_editable = ["region"]
    search_fields = ["name_th", "name_en", "code"]
    readonly_fields = ["code", "name_th", "name_en", "abolished_on"]

    def save_model(self, request, obj, form, change):
        services.province_save(form=form)


@admin.register(RegionStaff)
class RegionStaffAdmin(admin.ModelAdmin):
    list_display = ["user", "region"]
    list_select_related = ["user", "region"]
    autocomplete_fields = ["user"]


class MembershipInline(admin.TabularInline):
    model = Membership
    autocomplete_fields = ["user"]
    extra = 0


@admin.register(CommunityGroup)
class CommunityGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "tambon", "kind"]
    list_select_related = ["tambon"]
    search_fields = ["name", "name_en", "tambon__name_th"]
    raw_id_fields = ["tambon"]
    inlines = [MembershipInline]

    def save_model(self, request, obj, form, change):
        services.group_save(form=form)


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["phone", "group", "role", "status", "invited_by", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["group", "invitee", "invited_by"]
