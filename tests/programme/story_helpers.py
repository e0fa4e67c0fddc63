"""Stories, photos and approved canvases for the story tests, made without the pages."""

from django.utils import timezone

from canvases.models import CanvasEvent, EventKind
from programme import photos
from programme.models import Story
from tests import factories
from tests.programme.photo_helpers import jpeg, upload


def make_story(group, *, published=True, title="ล่องคลองอ่าวลึก", body="เรื่องของชุมชน", **kw):
    return Story.objects.create(
        group=group,
        title=title,
        body=body,
        published_at=timezone.now() if published else None,
        **kw,
    )


def add_photo(story, size=(1600, 1200), caption="ป่าชายเลน"):
    photo = photos.process_photo(upload(jpeg(size)))
    return photos.story_photo_add(story=story, by=None, photo=photo, caption=caption)


def approved_canvas(group, title="แผนล่องเรือชมป่าชายเลน"):
    """A canvas of the group with an approved version (and a later draft text)."""
    canvas = factories.CanvasFactory(group=group, title=title, filled=True, status="approved")
    version = factories.CanvasVersionFactory(canvas=canvas, number=1, title=title)
    CanvasEvent.objects.create(canvas=canvas, kind=EventKind.APPROVED, version=version)
    return canvas, version
