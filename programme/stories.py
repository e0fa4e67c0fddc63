"""A group's stories: their changes (one transaction each) and their reads (fixed queries).

Callers have checked the user's right (programme.story_access) and validated
the input (programme.story_forms).
"""

from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone

from accounts import audit
from canvases import subjects
from canvases.models import Canvas, CanvasEvent, CanvasVersion, CommentThread, EventKind
from canvases.reviews import subject_threads_delete
from communities.models import CommunityGroup, Region
from programme.models import Story, StoryPhoto
from programme.photos import delete_files_after_commit
from programme.threads import STORY

PUBLIC_STORIES_PER_PAGE = 20
GROUP_STORIES_SHOWN = 50


# Changes --------------------------------------------------------------------------


@transaction.atomic
def story_create(
    *, group: CommunityGroup, by, title: str, body: str, link_canvas: bool, forum=None
) -> Story:
    """A new draft story of the group, written by `by`; `forum` (checked by the form) is
    one where the group presented."""
    return Story.objects.create(
        group=group, author=by, title=title, body=body, link_canvas=link_canvas, forum=forum
    )


@transaction.atomic
def story_update(
    *, story: Story, by, title: str, body: str, link_canvas: bool, forum=None
) -> Story:
    """Correct a story's text, the group's consent to link its approved canvas, or the
    forum it came from (checked by the form)."""
    story.title, story.body, story.link_canvas, story.forum = title, body, link_canvas, forum
    story.save(update_fields=["title", "body", "link_canvas", "forum", "updated_at"])
    return story


def _record(by, story: Story, action, *, details: dict, mark: str = "") -> None:
    """A story's entry in the audit trail, filed under its group's region."""
    summary = f"{story.group.name}: {story.title} {mark}".strip()
    audit.record(
        actor=by,
        action=action,
        target=story,
        region_id=story.group.region_id,
        summary=summary[:300],
        details=details,
    )


@transaction.atomic
def story_set_published(*, story: Story, by, published: bool) -> Story:
    """Publish a story on its region's public page, or take it back; a no-op if already so."""
    story = (
        Story.objects.select_for_update().select_related("group__tambon__province").get(pk=story.pk)
    )
    if story.is_published == published:
        return story
    story.published_at = timezone.now() if published else None
    story.save(update_fields=["published_at", "updated_at"])
    _record(
        by,
        story,
        audit.AuditAction.STORY_PUBLICATION,
        mark="✓" if published else "✗",
        details={"published": published},
    )
    return story


@transaction.atomic
def story_delete(*, story: Story, by) -> None:
    """Delete a story (published or not) with its photos and its comment threads; the
    caller checked the right to edit it. The photos' files leave the storage only once the
    deletion is committed, so a rolled-back deletion loses no photo.

    The story's row is locked first: a photo being added meanwhile either lands before the
    files are listed or finds no story to add to.
    """
    story = (
        Story.objects.select_for_update(of=("self",))
        .select_related("group__tambon__province")
        .get(pk=story.pk)
    )
    files = [
        name
        for row in StoryPhoto.objects.filter(story=story).values_list("image", "thumbnail")
        for name in row
    ]
    threads = subject_threads_delete(kind=subjects.kind_named(STORY), subject=story)
    _record(
        by,
        story,
        audit.AuditAction.STORY_DELETED,
        details={
            "group": story.group_id,
            "published": story.is_published,
            "photos": len(files) // 2,
            "threads": threads,
        },
    )
    story.delete()
    delete_files_after_commit(*files)


# Reads ----------------------------------------------------------------------------


def story_deletion_counts(story: Story) -> dict:
    """What deleting the story takes with it: its photos and comment threads. Two queries."""
    threads = CommentThread.objects.filter(group_id=story.group_id, kind=STORY, object_id=story.pk)
    return {
        "photo_count": StoryPhoto.objects.filter(story=story).count(),
        "thread_count": threads.count(),
    }


def _with_cover(stories):
    """Each story with its photo count and first photo (for a thumbnail), in one query more."""
    first = StoryPhoto.objects.filter(story=OuterRef("pk")).order_by("order", "pk")
    return stories.annotate(
        photo_count=Count("photos"),
        cover_id=Subquery(first.values("pk")[:1]),
    )


def group_stories(group: CommunityGroup, limit: int = GROUP_STORIES_SHOWN) -> list[Story]:
    """The group's stories, newest first, drafts included. One query."""
    return list(_with_cover(Story.objects.filter(group=group).select_related("author"))[:limit])


def public_stories_page(region: Region, page_number) -> object:
    """One page of the region's published stories with their group's place and cover photo."""
    stories = (
        Story.objects.published()
        .filter(group__tambon__province__region=region)
        .select_related("group__tambon__district", "group__tambon__province")
        .order_by("-published_at", "-pk")
    )
    page = Paginator(_with_cover(stories), PUBLIC_STORIES_PER_PAGE).get_page(page_number)
    covers = StoryPhoto.objects.in_bulk([s.cover_id for s in page if s.cover_id])
    for story in page:
        story.cover = covers.get(story.cover_id)
    return page


def story_with_photos(story: Story) -> Story:
    """The story's photos attached as `story.photo_list`. One query."""
    story.photo_list = list(StoryPhoto.objects.filter(story=story))
    return story


def approved_versions(group: CommunityGroup) -> list[CanvasVersion]:
    """The latest approved version of each of the group's canvases (one query)."""
    latest = (
        CanvasEvent.objects.filter(
            canvas=OuterRef("canvas"), kind=EventKind.APPROVED, version__isnull=False
        )
        .order_by("-at", "-pk")
        .values("version")[:1]
    )
    return list(
        CanvasVersion.objects.filter(
            canvas__group=group,
            pk__in=Subquery(
                CanvasEvent.objects.filter(
                    canvas__group=group, kind=EventKind.APPROVED, version__isnull=False
                )
                .annotate(latest=Subquery(latest))
                .values("latest")
            ),
        )
        .defer("blocks")
        .order_by("canvas__title", "canvas_id")
    )


def approved_version_of(group: CommunityGroup, canvas_pk) -> CanvasVersion | None:
    """The latest approved version of one canvas of the group, or None."""
    event = (
        CanvasEvent.objects.filter(
            canvas__group=group,
            canvas_id=canvas_pk,
            kind=EventKind.APPROVED,
            version__isnull=False,
        )
        .select_related("version")
        .order_by("-at", "-pk")
        .first()
    )
    return event.version if event else None


def public_regions() -> list[Region]:
    return list(Region.objects.all())


def group_canvases(group: CommunityGroup) -> list:
    """The group's canvases, titles only: where its paper canvas photos are attached."""
    return list(Canvas.objects.filter(group=group).only("pk", "title", "group_id"))


def forum_stories(forum, readable_group_ids) -> list[Story]:
    """The stories that came from the forum which the user may read: the published ones,
    and drafts of the groups whose canvases they read (`readable_group_ids`). One query;
    `story.readable` says whether the signed-in page opens it (else its public page)."""
    readable = set(readable_group_ids)
    rows = list(
        Story.objects.filter(forum=forum)
        .filter(Q(published_at__isnull=False) | Q(group_id__in=readable))
        .select_related("group__tambon__province__region")
        .order_by("-published_at", "-created_at", "-pk")
    )
    for story in rows:
        story.readable = story.group_id in readable
    return rows
