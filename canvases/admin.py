from django.contrib import admin

from canvases.models import Canvas, CanvasEvent, CanvasVersion, Comment, CommentThread


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


class CommentInline(admin.TabularInline):
    model = Comment
    extra = 0
    raw_id_fields = ["author"]
    readonly_fields = ["created_at", "edited_at"]


@admin.register(CommentThread)
class CommentThreadAdmin(admin.ModelAdmin):
    list_display = ["__str__", "group", "opened_by", "opened_at", "resolved_at"]
    list_filter = ["kind", "block_key"]
    raw_id_fields = ["canvas", "version", "group", "opened_by", "resolved_by"]
    inlines = [CommentInline]
