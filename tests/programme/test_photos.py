"""The photo pipeline: what it refuses, and what it keeps of what it accepts."""

import io

import pytest
from django.core.exceptions import ValidationError
from PIL import ExifTags, Image, ImageFile

from programme.photos import (
    PHOTO_LONG_SIDE,
    PHOTO_MAX_BYTES,
    THUMB_LONG_SIDE,
    process_photo,
)
from tests.programme.photo_helpers import (
    GPS_IFD,
    gps_exif,
    jpeg,
    png_header_only,
    png_with_gps,
    upload,
)


def _open(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def _refused(data: bytes, name="x.jpg") -> str:
    with pytest.raises(ValidationError) as caught:
        process_photo(upload(data, name=name))
    return " ".join(caught.value.messages)


def test_it_resizes_to_a_phone_size_with_a_thumbnail():
    photo = process_photo(upload(jpeg((4000, 3000))))
    assert (photo.width, photo.height) == (PHOTO_LONG_SIDE, 960)
    assert (photo.thumb_width, photo.thumb_height) == (THUMB_LONG_SIDE, 360)
    assert _open(photo.image).size == (PHOTO_LONG_SIDE, 960)
    assert _open(photo.thumbnail).size == (THUMB_LONG_SIDE, 360)
    assert _open(photo.image).format == "JPEG"


def test_it_keeps_a_small_photo_at_its_size():
    photo = process_photo(upload(jpeg((640, 480))))
    assert (photo.width, photo.height) == (640, 480)


def test_it_strips_gps_and_every_other_metadata_from_a_png():
    data = png_with_gps()
    before = Image.open(io.BytesIO(data))
    assert before.getexif().get_ifd(GPS_IFD), "the test image must carry GPS to be meaningful"
    assert before.info.get("icc_profile") and before.info.get("Comment")

    photo = process_photo(upload(data, name="home.png", content_type="image/png"))

    for data_out in (photo.image, photo.thumbnail):
        after = _open(data_out)
        assert not after.getexif()
        assert not after.getexif().get_ifd(GPS_IFD)
        assert "icc_profile" not in after.info and "exif" not in after.info
        assert b"Exif" not in data_out and b"PhoneMaker" not in data_out
        assert b"0812345678" not in data_out


def test_it_strips_exif_from_a_jpeg():
    data = jpeg((1000, 800), exif=gps_exif())
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(GPS_IFD)
    photo = process_photo(upload(data))
    assert b"Exif" not in photo.image and b"Model-X9" not in photo.image
    assert not _open(photo.image).getexif()


def test_it_turns_the_photo_upright_from_its_exif_orientation():
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # taken with the phone on its side: rotate 90° clockwise
    photo = process_photo(upload(jpeg((400, 200), exif=exif, colour_split=True)))
    image = _open(photo.image)
    assert image.size == (200, 400)
    top = image.getpixel((100, 20))
    bottom = image.getpixel((100, 380))
    assert top[0] > 200 and top[2] < 60  # the left (red) half is now on top
    assert bottom[2] > 200 and bottom[0] < 60


def test_it_refuses_a_file_that_is_not_an_image():
    message = _refused(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n", name="plan.pdf")
    assert "ไม่ใช่ภาพ" in message


def test_it_refuses_a_text_file_named_jpg():
    assert "ไม่ใช่ภาพ" in _refused(b"<script>alert(1)</script>", name="photo.jpg")


@pytest.mark.parametrize("accept_truncated", [False, True])
def test_it_refuses_a_truncated_image(monkeypatch, accept_truncated):
    # WeasyPrint, once imported, tells Pillow to accept truncated images process-wide.
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", accept_truncated)
    for data in (jpeg((1200, 900)), png_with_gps()):
        assert "ไม่ใช่ภาพ" in _refused(data[: len(data) // 2])
    assert ImageFile.LOAD_TRUNCATED_IMAGES is accept_truncated  # left as it was found


def test_it_refuses_a_decompression_bomb_from_its_header():
    assert "ล้านพิกเซล" in _refused(png_header_only(100_000, 100_000), name="bomb.png")


def test_it_refuses_dimensions_above_its_own_limit_below_pillows():
    assert "ล้านพิกเซล" in _refused(png_header_only(9000, 6000), name="big.png")


def test_it_refuses_a_file_above_the_size_limit_before_decoding():
    data = b"\xff\xd8\xff" + b"\0" * (PHOTO_MAX_BYTES + 1)
    assert "ใหญ่เกินไป" in _refused(data)


def test_it_refuses_image_kinds_a_phone_does_not_send():
    out = io.BytesIO()
    Image.new("RGB", (64, 48)).save(out, "TIFF")
    assert "ไม่ใช่ภาพ" in _refused(out.getvalue(), name="scan.tif")
