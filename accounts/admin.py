from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from accounts import audit
from accounts.models import AuditEntry, Notification, PermissionGroup, User

# Django's auth groups appear under the accounts app as "กลุ่มสิทธิ์ผู้ดูแลระบบ",
# so no one mistakes them for community groups.
admin.site.unregister(Group)
admin.site.register(PermissionGroup, GroupAdmin)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "display_name", "phone", "role", "is_active"]
    list_filter = ["role", "is_active", "is_staff"]
    search_fields = ["username", "display_name", "phone", "email"]
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("ข้อมูลในพอร์ทัล"), {"fields": ("display_name", "phone", "role")}),
    )

    # Django's Thai catalogue leaves these help texts in English.
    help_texts = {
        "username": _("จำเป็น ไม่เกิน 150 ตัวอักษร ใช้ได้เฉพาะตัวอักษร ตัวเลข และ @/./+/-/_"),
        "is_active": _("ผู้ใช้นี้เข้าสู่ระบบได้ ให้เอาเครื่องหมายออกแทนการลบบัญชี"),
        "is_superuser": _("ผู้ใช้นี้ได้ทุกสิทธิ์โดยไม่ต้องกำหนดทีละสิทธิ์"),
    }

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        for name, text in self.help_texts.items():
            if name in form.base_fields:
                form.base_fields[name].help_text = text
        return form

    def save_model(self, request, obj, form, change):
        """A role or staff flag changed here is written to the audit trail, old and new."""
        watched = [
            name for name in ("role", "is_staff", "is_superuser") if name in form.changed_data
        ]
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            if change and watched:
                audit.record(
                    actor=request.user,
                    action=audit.AuditAction.ROLE_CHANGED,
                    target_user=obj,
                    summary=f"{obj.username}: " + ", ".join(watched),
                    details={
                        name: {"old": form.initial.get(name), "new": getattr(obj, name)}
                        for name in watched
                    },
                )


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["recipient", "event", "text", "created_at", "read_at"]
    list_filter = ["event"]
    list_select_related = ["recipient"]
    raw_id_fields = ["recipient", "actor"]
    search_fields = ["recipient__username", "message"]

    @admin.display(description=_("ข้อความ"))
    def text(self, notification):
        return notification.text


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the trail is written only by `accounts.audit.record`."""

    list_display = ["at", "action", "actor", "target_user", "target_type", "target_id", "summary"]
    list_filter = ["action"]
    list_select_related = ["actor", "target_user"]
    search_fields = ["summary", "actor__username", "target_user__username"]
    date_hierarchy = "at"
    show_full_result_count = False
    readonly_fields = [field.name for field in AuditEntry._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
