"""Who may see, edit and review which canvas, and who takes part in its comments.

One predicate per rule, one getter per protected object: a canvas outside a
user's reach answers 404; an insider without the right answers 403.

Readers of a canvas: the group's members, staff of its region, national
staff, and the mentors assigned to the group today. Reviewers (open comment
threads, decide): staff of the region, national staff and the assigned
mentors. The group's leaders write the canvas and answer in threads.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from canvases.models import Canvas, CanvasVersion, Comment, CommentThread
from communities.access import can_see_region, groups_visible_to, is_group_leader, leads_group
from communities.models import CommunityGroup
from mentors.selectors import assigned_group_ids_subquery, is_assigned_mentor


def can_view_canvas(user, canvas: Canvas) -> bool:
    if not user.is_authenticated:
        return False
    return groups_visible_to(user).filter(pk=canvas.group_id).exists() or is_assigned_mentor(
        user, canvas.group_id
    )


def can_edit_canvas(user, canvas: Canvas) -> bool:
    """The group's leaders write the canvas (whether its state lets them now is
    `Canvas.is_editable`, checked again under lock by the services)."""
    return is_group_leader(user, canvas.group)


def is_region_reviewer(user, canvas: Canvas) -> bool:
    """National staff and staff of the group's region."""
    return can_see_region(user, canvas.group.region_id)


def can_review_group(user, group: CommunityGroup) -> bool:
    """Staff of the group's region, national staff and its mentors assigned today.

    Reviewers open comment threads (on a canvas version or any other subject of
    the group, see `canvases.subjects`) and decide on versions.
    """
    return can_see_region(user, group.region_id) or is_assigned_mentor(user, group.pk)


def can_review_canvas(user, canvas: Canvas) -> bool:
    return can_review_group(user, canvas.group)


def can_take_part_in_group_threads(user, group: CommunityGroup) -> bool:
    """Reviewers and the group's leaders reply to threads and resolve or reopen them."""
    return can_review_group(user, group) or is_group_leader(user, group)


def can_take_part_in_threads(user, canvas: Canvas) -> bool:
    return can_take_part_in_group_threads(user, canvas.group)


def can_edit_comment(user, comment: Comment) -> bool:
    """Only the author; the service also refuses once someone else has replied."""
    return user.is_authenticated and comment.author_id == user.pk


def groups_with_canvases_visible_to(user):
    """Groups whose canvases the user may read: `groups_visible_to` plus a mentor's groups."""
    groups = groups_visible_to(user)
    if not user.is_authenticated or not user.is_mentor:
        return groups
    return (
        CommunityGroup.objects.with_place()
        .filter(Q(pk__in=groups.values("pk")) | Q(pk__in=assigned_group_ids_subquery(user)))
        .distinct()
    )


# What a canvas page reads with the canvas: by default the group's province (who may
# review depends on its region; the tambon carries its place label); the district too for
# the printed canvas; the group alone for the autosave and the history pages.
WITH_PROVINCE = ("group__tambon__province",)
WITH_PLACE = ("group__tambon__district", "group__tambon__province")
GROUP_ONLY = ("group",)


def _visible(user, canvas: str = "") -> Q:
    """The canvases `user` may read, as a condition on `canvas` (a path to one, or the
    canvas itself); the user is signed in."""
    visible = Q(**{f"{canvas}group__in": groups_visible_to(user).values("pk")})
    if user.is_mentor:
        visible |= Q(**{f"{canvas}group__in": assigned_group_ids_subquery(user)})
    return visible


def canvases_visible_to(user, *, related=WITH_PROVINCE):
    """One query whatever the user: mentors' groups join as a subquery, no per-row checks.

    `related`: what is read with each canvas. Every join costs planning time, paid by
    the autosave every few words typed: it asks for the group alone."""
    if not user.is_authenticated:
        return Canvas.objects.none()
    return Canvas.objects.filter(_visible(user)).select_related(*related)


def get_group_for_canvases(user, pk) -> CommunityGroup:
    return get_object_or_404(groups_with_canvases_visible_to(user), pk=pk)


def get_canvas_for_user(user, pk, *, related=WITH_PROVINCE) -> Canvas:
    return get_object_or_404(canvases_visible_to(user, related=related), pk=pk)


def get_versions_for_user(user, pk, numbers, *, related=WITH_PROVINCE) -> dict:
    """Versions `numbers` of canvas `pk` by number, each read with its canvas (and the
    canvas's `related`) and who submitted it, in one query; 404 for a canvas the user may
    not read, as for a canvas or a version that does not exist."""
    if not user.is_authenticated:
        raise Http404
    with_canvas = ("canvas", *(f"canvas__{path}" for path in related))
    versions = CanvasVersion.objects.filter(
        _visible(user, "canvas__"), canvas_id=pk, number__in=numbers
    ).select_related("submitted_by", *with_canvas)
    found = {version.number: version for version in versions}
    if not set(numbers) <= found.keys():
        raise Http404
    return found


def get_version_for_user(user, pk, number, *, related=WITH_PROVINCE) -> CanvasVersion:
    """Version `number` of canvas `pk` with its canvas (`get_versions_for_user`)."""
    return get_versions_for_user(user, pk, [number], related=related)[number]


def get_canvas_for_edit(user, pk, *, related=WITH_PROVINCE) -> Canvas:
    canvas = get_canvas_for_user(user, pk, related=related)
    if not can_edit_canvas(user, canvas):
        raise PermissionDenied
    return canvas


def lock_canvas_for_edit(user, pk) -> Canvas:
    """`get_canvas_for_edit` with the canvas row locked until the caller's transaction
    ends: the autosave's one read before it writes, every few words typed
    (`services.canvas_save_blocks_locked`). Call it inside `transaction.atomic`.

    A leader's canvas comes from one plain query, with none of the visibility rules
    to build; only when it finds nothing does `get_canvas_for_edit` tell a stranger
    (404) from a reader who may not write (403)."""
    if user.is_authenticated:
        locked = Canvas.objects.select_for_update(of=("self",)).select_related(*GROUP_ONLY)
        canvas = locked.filter(leads_group(user), pk=pk).first()
        if canvas is None:
            get_canvas_for_edit(user, pk, related=GROUP_ONLY)  # raises 404 or 403
            canvas = locked.get(pk=pk)  # made a leader in between
        return canvas
    raise Http404


def get_canvas_for_review(user, pk) -> Canvas:
    canvas = get_canvas_for_user(user, pk)
    if not can_review_canvas(user, canvas):
        raise PermissionDenied
    return canvas


def get_canvas_for_threads(user, pk) -> Canvas:
    """Readers who are neither reviewers nor leaders (members) get 403."""
    canvas = get_canvas_for_user(user, pk)
    if not can_take_part_in_threads(user, canvas):
        raise PermissionDenied
    return canvas


def get_thread_for_user(user, canvas_pk, pk) -> CommentThread:
    """A thread of a canvas the user may take part in; a thread of another canvas is 404."""
    canvas = get_canvas_for_threads(user, canvas_pk)
    thread = (
        CommentThread.objects.filter(pk=pk, canvas=canvas)
        .select_related("version")
        .defer("version__blocks")
        .first()
    )
    if thread is None:
        raise Http404
    thread.canvas = canvas
    return thread


def get_comment_for_edit(user, canvas_pk, pk) -> Comment:
    """Readers of the canvas who did not write the comment get 403."""
    canvas = get_canvas_for_user(user, canvas_pk)
    comment = (
        Comment.objects.filter(pk=pk, thread__canvas=canvas)
        .select_related("thread__version", "author")
        .defer("thread__version__blocks")
        .first()
    )
    if comment is None:
        raise Http404
    if not can_edit_comment(user, comment):
        raise PermissionDenied
    comment.thread.canvas = canvas
    return comment


# Threads on other subjects than canvas blocks (canvases.subjects) -----------------


def get_subject_for_threads(user, kind, object_pk, topic: str = ""):
    """The object of a registered kind a reviewer opens a thread on, and its group (the
    topic's group for kinds shared by groups, see `canvases.subjects`).

    An object of a group the user cannot read is 404, and so is a topic naming no group
    of a shared subject; readers who do not review 403.
    """
    subject = kind.model._default_manager.filter(pk=object_pk).first()
    if subject is None:
        raise Http404
    group_id = kind.group_id_for(subject, topic)
    if group_id is None:
        raise Http404
    group = get_group_for_canvases(user, group_id)
    if not can_review_group(user, group):
        raise PermissionDenied
    return subject, group


def get_subject_thread_for_user(user, pk) -> CommentThread:
    """A thread on another subject than a block, of a group the user takes part in.

    Threads of groups the user cannot read (and blocks' threads) are 404; members 403.
    """
    thread = CommentThread.objects.exclude(kind="").filter(pk=pk).first()
    if thread is None:
        raise Http404
    group = get_group_for_canvases(user, thread.group_id)
    if not can_take_part_in_group_threads(user, group):
        raise PermissionDenied
    thread.group = group
    return thread


def get_subject_comment_for_edit(user, pk) -> Comment:
    """A comment of such a thread; readers of its group who did not write it get 403."""
    comment = (
        Comment.objects.exclude(thread__kind="")
        .filter(pk=pk)
        .select_related("thread", "author")
        .first()
    )
    if comment is None:
        raise Http404
    comment.thread.group = get_group_for_canvases(user, comment.thread.group_id)
    if not can_edit_comment(user, comment):
        raise PermissionDenied
    return comment
