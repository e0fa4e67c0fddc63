"""Image files for the photo tests, made in memory."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

GPS_IFD = ExifTags.IFD.GPSInfo


def picture(size=(1600, 1200), colour_split=False) -> Image.Image:
    """A photo-like picture (a gradient with shapes), which compresses like a photo."""
    width, height = size
    gradient = Image.linear_gradient("L").resize(size)
    image = Image.merge("RGB", (gradient, gradient.rotate(90).resize(size), gradient.transpose(0)))
    if colour_split:
        image.paste((255, 0, 0), (0, 0, width // 2, height))
        image.paste((0, 0, 255), (width // 2, 0, width, height))
    return image


def jpeg(size=(1600, 1200), *, exif: Image.Exif | None = None, **kwargs) -> bytes:
    out = io.BytesIO()
    params = {"quality": 90}
    if exif is not None:
        params["exif"] = exif.tobytes()
    picture(size, **kwargs).save(out, "JPEG", **params)
    return out.getvalue()


def gps_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Model-X9"
    exif[GPS_IFD] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (8.0, 3.0, 41.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (98.0, 45.0, 12.0),
    }
    return exif


def png_with_gps(size=(800, 600)) -> bytes:
    """A PNG carrying EXIF with GPS, a text chunk and an ICC profile."""
    from PIL import ImageCms, PngImagePlugin

    out = io.BytesIO()
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", "บ้านของสมศักดิ์ 0812345678")
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    picture(size).save(out, "PNG", exif=gps_exif().tobytes(), pnginfo=text, icc_profile=icc)
    return out.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG file that claims `width` × `height` pixels (a decompression bomb's header)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def upload(data: bytes, name="photo.jpg", content_type="image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def photo_like_jpeg(size=(4000, 3000)) -> bytes:
    """A camera-sized JPEG with detail at every scale, as a real scene has (a gradient would
    shrink to almost nothing and prove nothing about page weight)."""
    width, height = size
    image = None
    for scale, sigma in ((40, 50), (160, 35), (640, 25), (2560, 15)):
        bands = [Image.effect_noise((scale, scale * height // width), sigma) for _ in range(3)]
        layer = Image.merge("RGB", bands).resize(size, Image.Resampling.BICUBIC)
        image = layer if image is None else Image.blend(image, layer, 0.4)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()
