from django.contrib import admin

from canvases.models import Canvas, CanvasEvent, CanvasVersion


@admin.register(Canvas)
class CanvasAdmin(admin.ModelAdmin):
    list_display = ["title", "group", "status", "filled_blocks", "version_count", "updated_at"]
    list_filter = ["status"]
    search_fields = ["title", "group__name"]
    raw_id_fields = ["group", "created_by", "updated_by"]
    readonly_fields = ["revision", "version_count"]


@admin.register(CanvasVersion)
class CanvasVersionAdmin(admin.ModelAdmin):
    """Versions are frozen: readable here, never editable."""

    list_display = ["canvas", "number", "submitted_by", "submitted_at"]
    raw_id_fields = ["canvas", "submitted_by"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(CanvasEvent)
class CanvasEventAdmin(admin.ModelAdmin):
    list_display = ["canvas", "kind", "actor", "at"]
    list_filter = ["kind"]
    raw_id_fields = ["canvas", "actor", "version"]
