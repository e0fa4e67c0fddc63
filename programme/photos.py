"""Photos of stories and of paper canvases: one upload pipeline, their changes and reads.

An upload is checked before it is decoded (its size, then its dimensions from
the header), decoded by Pillow, turned upright from its EXIF orientation and
re-encoded from its pixels alone: no EXIF (GPS, camera, time), no ICC profile,
no comments. It is kept at a phone-friendly size with a thumbnail, under
random names, in the default storage (a folder, or an S3-compatible store);
the portal serves it only through a view that checks who may see it.
"""

import io
import threading
import uuid
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import FileResponse, Http404
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

from accounts import audit
from programme.models import (
    PAPER_MAX_PHOTOS,
    STORY_MAX_PHOTOS,
    PaperCanvasPhoto,
    Story,
    StoryPhoto,
)

PHOTO_MAX_BYTES = 10 * 1024 * 1024  # what a phone camera sends, with room to spare
PHOTO_MAX_PIXELS = 50_000_000  # a 50-megapixel camera; more is a decompression bomb
PHOTO_LONG_SIDE = 1280
THUMB_LONG_SIDE = 480
PHOTO_QUALITY = 80
THUMB_QUALITY = 70
# What phone cameras and browsers send; MPO is the JPEG of some cameras with a second frame.
ACCEPTED_FORMATS = {"JPEG", "MPO", "PNG", "WEBP"}
CONTENT_TYPE = "image/jpeg"

PHOTO_TOO_LARGE = _("ไฟล์ภาพใหญ่เกินไป (เกิน %(limit)s MB) กรุณาเลือกภาพที่เล็กลง")
NOT_AN_IMAGE = _("ไฟล์นี้ไม่ใช่ภาพที่เปิดได้ กรุณาเลือกไฟล์ภาพ JPEG, PNG หรือ WebP")
TOO_MANY_PIXELS = _("ภาพมีขนาดกว้างยาวเกินไป (เกิน %(limit)s ล้านพิกเซล) กรุณาย่อภาพก่อน")
TOO_MANY_STORY_PHOTOS = _("เรื่องเล่าหนึ่งเรื่องมีภาพได้ไม่เกิน %(max)s ภาพ")
TOO_MANY_PAPER_PHOTOS = _("แผนหนึ่งแผนมีภาพแผนบนกระดาษได้ไม่เกิน %(max)s ภาพ")

PUBLIC_CACHE = "public, max-age=3600"
PRIVATE_CACHE = "private, max-age=3600"


@dataclass(frozen=True)
class ProcessedPhoto:
    """A checked upload, re-encoded: the JPEG bytes of the photo and of its thumbnail."""

    image: bytes
    thumbnail: bytes
    width: int
    height: int
    thumb_width: int
    thumb_height: int


def process_photo(upload) -> ProcessedPhoto:
    """Check an uploaded file and re-encode it; ValidationError with a Thai message if bad.

    The size is checked before any byte is decoded and the dimensions from the
    header before the pixels are, so neither a 50 MB file nor a tiny file that
    claims 100,000 × 100,000 pixels costs more than reading its header.
    """
    if upload.size > PHOTO_MAX_BYTES:
        raise ValidationError(
            PHOTO_TOO_LARGE, code="too_large", params={"limit": PHOTO_MAX_BYTES // 2**20}
        )
    try:
        with _strict_decoding():
            upload.seek(0)
            with Image.open(upload) as probe:
                _check_header(probe)
                probe.verify()
            upload.seek(0)
            with Image.open(upload) as image:
                _check_header(image)
                # A JPEG decodes straight at a smaller scale: less memory and time on big photos.
                image.draft("RGB", (PHOTO_LONG_SIDE, PHOTO_LONG_SIDE))
                image.load()
                upright = ImageOps.exif_transpose(image)
        return _encode(_pixels_only(upright))
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _too_many_pixels() from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as error:
        # Pillow's words for a file that is not a whole image of a kind it reads.
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from error


_STRICT = threading.Lock()


@contextmanager
def _strict_decoding():
    """Pillow refuses a truncated file while this runs.

    WeasyPrint (the print pages' PDFs) tells Pillow, process-wide and as soon as it
    is imported, to fill a truncated image with grey instead of failing; an upload
    cut short must be refused, so decoding switches that back for its own duration
    (one decode at a time per process, which a phone photo at 1280 px makes short).
    """
    with _STRICT:
        before = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            yield
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = before


def _too_many_pixels() -> ValidationError:
    return ValidationError(
        TOO_MANY_PIXELS, code="too_many_pixels", params={"limit": PHOTO_MAX_PIXELS // 1_000_000}
    )


def _check_header(image: Image.Image) -> None:
    if image.format not in ACCEPTED_FORMATS:
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image")
    width, height = image.size
    if width < 1 or height < 1:
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image")
    if width * height > PHOTO_MAX_PIXELS:
        raise _too_many_pixels()


def _pixels_only(image: Image.Image) -> Image.Image:
    """A new RGB image holding only the pixels: transparency on white, no info, no profile."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        clean = Image.new("RGB", rgba.size, (255, 255, 255))
        clean.paste(rgba, mask=rgba.getchannel("A"))
        return clean
    rgb = image.convert("RGB")
    clean = Image.new("RGB", rgb.size)
    clean.paste(rgb)
    return clean


def _jpeg(image: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=True, progressive=True)
    return out.getvalue()


def _encode(image: Image.Image) -> ProcessedPhoto:
    image.thumbnail((PHOTO_LONG_SIDE, PHOTO_LONG_SIDE), Image.Resampling.LANCZOS)
    thumb = image.copy()
    thumb.thumbnail((THUMB_LONG_SIDE, THUMB_LONG_SIDE), Image.Resampling.LANCZOS)
    return ProcessedPhoto(
        image=_jpeg(image, PHOTO_QUALITY),
        thumbnail=_jpeg(thumb, THUMB_QUALITY),
        width=image.width,
        height=image.height,
        thumb_width=thumb.width,
        thumb_height=thumb.height,
    )


# Storing ------------------------------------------------------------------------


def _store(folder: str, photo: ProcessedPhoto) -> dict:
    """Write both files under random names; the model fields to set on the row."""
    name = uuid.uuid4().hex
    image = default_storage.save(f"{folder}/{name}.jpg", ContentFile(photo.image))
    thumbnail = default_storage.save(f"{folder}/{name}-t.jpg", ContentFile(photo.thumbnail))
    return {
        "image": image,
        "thumbnail": thumbnail,
        "width": photo.width,
        "height": photo.height,
        "thumb_width": photo.thumb_width,
        "thumb_height": photo.thumb_height,
    }


def _delete_files(*names: str) -> None:
    for name in names:
        if name:
            default_storage.delete(name)


def delete_files_after_commit(*names: str) -> None:
    """Remove stored files once the current transaction commits: a rolled-back deletion
    keeps the files its rows still name."""
    transaction.on_commit(lambda: _delete_files(*names))


def _create_with_files(model, folder: str, photo: ProcessedPhoto, **fields):
    """The row and its files; the files go again if the row cannot be written."""
    stored = _store(folder, photo)
    names = (stored["image"], stored["thumbnail"])
    try:
        row = model.objects.create(**fields, **stored)
    except Exception:
        _delete_files(*names)
        raise
    return row


# Changes --------------------------------------------------------------------------


@transaction.atomic
def story_photo_add(*, story: Story, by, photo: ProcessedPhoto, caption: str = "") -> StoryPhoto:
    """Add a checked photo to a story (the caller checked the right to edit the story).

    Refused with ValidationError once the story holds STORY_MAX_PHOTOS photos.
    """
    Story.objects.select_for_update().filter(pk=story.pk).first()
    count = StoryPhoto.objects.filter(story=story).count()
    if count >= STORY_MAX_PHOTOS:
        raise ValidationError(TOO_MANY_STORY_PHOTOS % {"max": STORY_MAX_PHOTOS})
    return _create_with_files(
        StoryPhoto, "stories", photo, story=story, caption=caption, order=count
    )


@transaction.atomic
def story_photo_delete(*, photo: StoryPhoto, by) -> None:
    """Remove a photo of a story and, once the removal is committed, its files."""
    names = (photo.image.name, photo.thumbnail.name)
    photo.delete()
    delete_files_after_commit(*names)


@transaction.atomic
def paper_photo_add(*, canvas, by, photo: ProcessedPhoto, caption: str = "") -> PaperCanvasPhoto:
    """Attach a checked photo of the paper canvas to a canvas (the caller checked the right).

    Refused with ValidationError once the canvas holds PAPER_MAX_PHOTOS photos.
    """
    type(canvas).objects.select_for_update().filter(pk=canvas.pk).first()
    if PaperCanvasPhoto.objects.filter(canvas=canvas).count() >= PAPER_MAX_PHOTOS:
        raise ValidationError(TOO_MANY_PAPER_PHOTOS % {"max": PAPER_MAX_PHOTOS})
    row = _create_with_files(
        PaperCanvasPhoto, "paper", photo, canvas=canvas, caption=caption, uploaded_by=by
    )
    audit.record(
        actor=by,
        action=audit.AuditAction.PROGRAMME_PHOTO,
        target=row,
        region_id=canvas.group.region_id,
        summary=f"{canvas.title}: +{row.pk}",
        details={"canvas": canvas.pk, "added": True},
    )
    return row


@transaction.atomic
def paper_photo_delete(*, photo: PaperCanvasPhoto, by) -> None:
    """Remove a photo of a paper canvas and, once the removal is committed, its files."""
    names = (photo.image.name, photo.thumbnail.name)
    canvas = photo.canvas
    audit.record(
        actor=by,
        action=audit.AuditAction.PROGRAMME_PHOTO,
        target=photo,
        region_id=canvas.group.region_id,
        summary=f"{canvas.title}: −{photo.pk}",
        details={"canvas": canvas.pk, "added": False},
    )
    photo.delete()
    delete_files_after_commit(*names)


# Reads ----------------------------------------------------------------------------


def story_photos(story: Story) -> list[StoryPhoto]:
    return list(StoryPhoto.objects.filter(story=story))


def paper_photos(canvas) -> list[PaperCanvasPhoto]:
    return list(PaperCanvasPhoto.objects.filter(canvas=canvas).select_related("uploaded_by"))


def photo_response(photo, *, thumbnail: bool, public: bool) -> FileResponse:
    """Stream a stored photo (or its thumbnail); public caching only for published stories."""
    name = photo.thumbnail.name if thumbnail else photo.image.name
    try:
        handle = default_storage.open(name, "rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    response = FileResponse(handle, content_type=CONTENT_TYPE)
    response["Cache-Control"] = PUBLIC_CACHE if public else PRIVATE_CACHE
    response["Content-Disposition"] = "inline"
    return response
