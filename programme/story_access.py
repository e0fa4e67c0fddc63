"""Who may read and write a group's stories, and attach photos of its paper canvases.

- Readers of a story (also while it is a draft): the readers of the group's
  canvases; anyone else gets 404. Published stories are public: anyone,
  signed in or not, reads them on their region's page.
- Writers (write, edit, add photos, publish, unpublish): staff of the group's
  region, national staff and the mentors assigned to the group today.
- Paper canvas photos: readers of the canvas see them; the group's leaders
  and its assigned mentors attach them; a leader removes any of the group's,
  a mentor only their own.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from canvases.access import get_canvas_for_user, groups_with_canvases_visible_to
from cbmc_portal.text import plain_number
from communities.access import can_see_region, is_group_leader
from communities.models import CommunityGroup, Region
from mentors.selectors import is_assigned_mentor
from programme.models import PaperCanvasPhoto, Story, StoryPhoto


def can_write_stories(user, group: CommunityGroup) -> bool:
    """Staff of the group's region, national staff and its assigned mentors."""
    return can_see_region(user, group.region_id) or is_assigned_mentor(user, group)


def can_attach_paper(user, canvas) -> bool:
    """The group's leaders and its assigned mentors."""
    return is_group_leader(user, canvas.group) or is_assigned_mentor(user, canvas.group_id)


def paper_photo_deleter(user, canvas):
    """Whether the user may remove a given photo of the canvas, as a predicate: a leader
    removes any photo of the group's canvases, a mentor only their own (two queries in all)."""
    leader = is_group_leader(user, canvas.group)
    mentor = is_assigned_mentor(user, canvas.group_id)
    return lambda photo: leader or (mentor and photo.uploaded_by_id == user.pk)


def can_delete_paper_photo(user, photo: PaperCanvasPhoto, canvas) -> bool:
    return paper_photo_deleter(user, canvas)(photo)


# Inside the portal ------------------------------------------------------------------


def get_group_for_stories(user, pk) -> CommunityGroup:
    return get_object_or_404(groups_with_canvases_visible_to(user), pk=pk)


def get_group_for_story_write(user, pk) -> CommunityGroup:
    group = get_group_for_stories(user, pk)
    if not can_write_stories(user, group):
        raise PermissionDenied
    return group


def get_story_for_user(user, pk) -> Story:
    """A story of a group whose canvases the user reads (drafts included)."""
    groups = groups_with_canvases_visible_to(user).values("pk")
    return get_object_or_404(
        Story.objects.filter(group__in=groups).select_related(
            "group__tambon__district", "group__tambon__province", "forum"
        ),
        pk=pk,
    )


def get_story_for_edit(user, pk) -> Story:
    story = get_story_for_user(user, pk)
    if not can_write_stories(user, story.group):
        raise PermissionDenied
    return story


def get_story_photo_for_user(user, story_pk, pk) -> StoryPhoto:
    story = get_story_for_user(user, story_pk)
    return _photo_of(story, pk)


def get_story_photo_for_edit(user, story_pk, pk) -> StoryPhoto:
    story = get_story_for_edit(user, story_pk)
    return _photo_of(story, pk)


def _photo_of(story: Story, pk) -> StoryPhoto:
    photo = StoryPhoto.objects.filter(story=story, pk=pk).first()
    if photo is None:
        raise Http404
    photo.story = story
    return photo


def get_canvas_for_paper(user, pk):
    """A canvas the user reads (its paper photos with it)."""
    return get_canvas_for_user(user, pk)


def get_canvas_for_paper_attach(user, pk):
    canvas = get_canvas_for_user(user, pk)
    if not can_attach_paper(user, canvas):
        raise PermissionDenied
    return canvas


def get_paper_photo_for_user(user, canvas_pk, pk) -> PaperCanvasPhoto:
    canvas = get_canvas_for_user(user, canvas_pk)
    photo = PaperCanvasPhoto.objects.filter(canvas=canvas, pk=pk).first()
    if photo is None:
        raise Http404
    photo.canvas = canvas
    return photo


def get_paper_photo_for_delete(user, canvas_pk, pk) -> PaperCanvasPhoto:
    photo = get_paper_photo_for_user(user, canvas_pk, pk)
    if not can_delete_paper_photo(user, photo, photo.canvas):
        raise PermissionDenied
    return photo


# Public pages (no sign-in) -------------------------------------------------------------


def get_region_public(key: str) -> Region:
    """A region by its code (slug) or its number."""
    region = Region.objects.filter(slug=key).first()
    number = plain_number(key)
    if region is None and number is not None:
        region = Region.objects.filter(pk=number).first()
    if region is None:
        raise Http404
    return region


def get_published_story(key: str, pk) -> Story:
    """A published story of a group of the region; a draft or another region's is 404."""
    region = get_region_public(key)
    story = (
        Story.objects.published()
        .filter(pk=pk, group__tambon__province__region=region)
        .select_related("group__tambon__district", "group__tambon__province__region", "forum")
        .first()
    )
    if story is None:
        raise Http404
    return story


def get_published_story_photo(key: str, story_pk, pk) -> StoryPhoto:
    story = get_published_story(key, story_pk)
    return _photo_of(story, pk)
