"""The canvas as a PDF made on the server (WeasyPrint), and the QR code back to it.

The PDF embeds the vendored Loma font whole and then corrects the text
layer: Loma draws shifted tone marks and vowels with glyphs that carry
codes of the standard Thai private-use range (U+F700–U+F720); WeasyPrint
would write those codes into the text layer, so copied text would hold
invisible private characters instead of the tone marks. `fix_text_layer`
maps each back to the Thai character it draws.
"""

import functools
import io
import re
from pathlib import Path

from django.conf import settings

FONT_DIR = Path(settings.BASE_DIR) / "static" / "vendor" / "loma"

# The Thai private-use glyph variants (Microsoft/Apple convention, as in TLWG fonts).
THAI_PUA = {
    0xF700: 0x0E10,  # THO THAN without its descender
    0xF701: 0x0E34,
    0xF702: 0x0E35,
    0xF703: 0x0E36,
    0xF704: 0x0E37,
    **{0xF705 + i: 0x0E48 + i for i in range(5)},  # tone marks, low and left
    **{0xF70A + i: 0x0E48 + i for i in range(5)},  # tone marks, low
    0xF70F: 0x0E0D,  # YO YING without its descender
    0xF710: 0x0E31,
    0xF711: 0x0E4D,
    0xF712: 0x0E47,
    **{0xF713 + i: 0x0E48 + i for i in range(5)},  # tone marks, left
    0xF718: 0x0E38,
    0xF719: 0x0E39,
    0xF71A: 0x0E3A,
    0xF71E: 0x0E4D,
    0xF71F: 0x0E47,
    0xF720: 0x0E4E,
}

_BFCHAR = re.compile(rb"<([0-9a-fA-F]{4})> <([0-9a-fA-F]{4,})>")


@functools.cache
def pdf_css() -> str:
    """The PDF's stylesheet: the vendored fonts, then the print view's own rules."""
    rules = (settings.BASE_DIR / "static" / "css" / "print.css").read_text(encoding="utf-8")
    return font_face_css() + "\n" + rules


def font_face_css() -> str:
    """@font-face rules for the PDF, pointing at the vendored files."""
    rules = []
    for weight, name in ((400, "Loma.ttf"), (700, "Loma-Bold.ttf")):
        url = (FONT_DIR / name).as_uri()
        rules.append(
            f'@font-face {{ font-family: "CBMC PDF"; font-weight: {weight}; src: url("{url}"); }}'
        )
    return "\n".join(rules)


def _fix_cmap(data: bytes) -> bytes:
    def replace(match):
        text = bytes.fromhex(match.group(2).decode()).decode("utf-16-be", errors="replace")
        fixed = "".join(chr(THAI_PUA.get(ord(ch), ord(ch))) for ch in text)
        return b"<" + match.group(1) + b"> <" + fixed.encode("utf-16-be").hex().encode() + b">"

    return _BFCHAR.sub(replace, data)


def fix_text_layer(pdf: bytes) -> bytes:
    """Map Thai private-use codes in every font's ToUnicode table back to real Thai."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    seen = set()
    for page in writer.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            cmap_ref = font.get(NameObject("/ToUnicode"))
            if cmap_ref is None or id(cmap_ref.get_object()) in seen:
                continue
            stream = cmap_ref.get_object()
            seen.add(id(stream))
            stream.set_data(_fix_cmap(stream.get_data()))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def render_pdf(html: str) -> bytes:
    from weasyprint import HTML

    # Whole font embedded: its own cmap then names every glyph, shaped or not.
    pdf = HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(full_fonts=True)
    return fix_text_layer(pdf)


def qr_svg_data_uri(url: str) -> str:
    import segno

    return segno.make(url, error="m").svg_data_uri(scale=4, border=2)
