"""Cut the Latin faces of Sarabun down to the characters the portal shows.

    python -m cbmc_portal.subset_fonts      (part of `make css`)

The Fontsource Latin files (static/vendor/sarabun/sarabun-latin-{400,700}-normal.woff2) carry
every Latin-1 letter, and a Thai page fetches them anyway for its digits and spaces. The portal
writes Thai; its Latin is ASCII (digits, English, phone numbers, e-mail addresses) and a few
punctuation marks. The subsets keep those (with kerning and every layout feature) and take about
5 KB off each face; a character outside them (an accented letter in a typed name) is drawn in
the next font of the stack. static/css/app.css declares the same LATIN_UNICODE_RANGE, and
tests/project/test_front_assets.py holds the two together.
"""

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parent.parent / "static" / "vendor" / "sarabun"
WEIGHTS = (400, 700)
# ASCII, no-break space, middle dot, multiplication sign, dashes, quotation marks, ellipsis,
# single angle quotes, minus.
LATIN_UNICODE_RANGE = (
    "U+0020-007E, U+00A0, U+00B7, U+00D7, U+2013-2014, U+2018-201D, U+2026, U+2039-203A, U+2212"
)


def code_points(unicode_range: str = LATIN_UNICODE_RANGE) -> list[int]:
    points = []
    for part in unicode_range.split(","):
        low, _, high = part.strip().removeprefix("U+").partition("-")
        points.extend(range(int(low, 16), int(high or low, 16) + 1))
    return points


def source(weight: int) -> Path:
    return FONTS / f"sarabun-latin-{weight}-normal.woff2"


def target(weight: int) -> Path:
    return FONTS / f"sarabun-latin-basic-{weight}-normal.woff2"


def subset_face(weight: int) -> bytes:
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    font = TTFont(source(weight), recalcTimestamp=False)  # the same bytes on every run
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=code_points())
    subsetter.subset(font)
    font.flavor = "woff2"
    out = target(weight)
    font.save(out)
    return out.read_bytes()


def main() -> int:
    for weight in WEIGHTS:
        data = subset_face(weight)
        print(f"{target(weight).name}: {len(data)} bytes (from {source(weight).stat().st_size})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
