"""Who may see, edit and review which canvas.

One predicate per rule, one getter per protected object: a canvas outside a
user's reach answers 404; an insider without the right answers 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from canvases.models import Canvas
from communities.access import groups_visible_to, is_group_leader, staff_region_id


def _region_id(canvas: Canvas):
    return canvas.group.tambon.province.region_id


def can_view_canvas(user, canvas: Canvas) -> bool:
    return groups_visible_to(user).filter(pk=canvas.group_id).exists()


def can_edit_canvas(user, canvas: Canvas) -> bool:
    """The group's leaders write the canvas; only while it is a draft or sent back."""
    return is_group_leader(user, canvas.group)


def can_review_canvas(user, canvas: Canvas) -> bool:
    """National staff and staff of the group's region (assigned mentors come later)."""
    if not user.is_authenticated:
        return False
    return user.is_national_staff or (
        staff_region_id(user) is not None and staff_region_id(user) == _region_id(canvas)
    )


def canvases_visible_to(user):
    return Canvas.objects.filter(group__in=groups_visible_to(user).values("pk")).select_related(
        "group__tambon__district", "group__tambon__province"
    )


def get_canvas_for_user(user, pk) -> Canvas:
    canvas = canvases_visible_to(user).filter(pk=pk).first()
    if canvas is None:
        raise Http404
    return canvas


def get_canvas_for_edit(user, pk) -> Canvas:
    canvas = get_canvas_for_user(user, pk)
    if not can_edit_canvas(user, canvas):
        raise PermissionDenied
    return canvas


def get_canvas_for_review(user, pk) -> Canvas:
    canvas = get_canvas_for_user(user, pk)
    if not can_review_canvas(user, canvas):
        raise PermissionDenied
    return canvas
