"""Reads of the canvases app; each runs a fixed number of queries."""

from canvases.models import Canvas, CanvasEvent, CanvasVersion

TIMELINE_LENGTH = 50


def canvases_of_group(group):
    """The group's canvases for its list; no block texts are read."""
    return (
        Canvas.objects.filter(group=group)
        .defer("blocks")
        .select_related("updated_by")
        .order_by("title", "pk")
    )


def canvas_timeline(canvas: Canvas, limit: int = TIMELINE_LENGTH):
    """The latest changes of state, newest first."""
    return list(
        CanvasEvent.objects.filter(canvas=canvas)
        .select_related("actor", "version")
        .defer("version__blocks")
        .order_by("-at", "-pk")[:limit]
    )


def canvas_versions(canvas: Canvas):
    """Every submitted version, newest first, without their texts."""
    return (
        CanvasVersion.objects.filter(canvas=canvas)
        .defer("blocks")
        .select_related("submitted_by")
        .order_by("-number")
    )


def canvas_version(canvas: Canvas, number: int) -> CanvasVersion | None:
    return (
        CanvasVersion.objects.filter(canvas=canvas, number=number)
        .select_related("submitted_by")
        .first()
    )


def latest_version(canvas: Canvas) -> CanvasVersion | None:
    if not canvas.version_count:
        return None
    return canvas_version(canvas, canvas.version_count)


def versions_pair(canvas: Canvas, a: int, b: int) -> dict[int, CanvasVersion]:
    """Two versions by number, in one query."""
    found = CanvasVersion.objects.filter(canvas=canvas, number__in=[a, b]).select_related(
        "submitted_by"
    )
    return {version.number: version for version in found}
