"""What the print view and the PDF of a canvas say besides the nine texts: the plan's state
and the decision on it, the size its text is printed at, and the downloaded file's name."""

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

from django.utils.translation import gettext as _

from canvases.blocks import BLOCK_KEYS
from canvases.models import Canvas, CanvasEvent, CanvasStatus, CanvasVersion, EventKind

DECISION_KINDS = (EventKind.APPROVED, EventKind.CHANGES_REQUESTED)


@dataclass(frozen=True)
class PrintState:
    """The state printed on the sheet; `decision` is the review event behind it, if any."""

    status: str
    label: str
    decision: CanvasEvent | None = None


def print_state(canvas: Canvas, version: CanvasVersion | None) -> PrintState:
    """The state of what is printed: a version's own decision (or "waiting" while it has
    none), or the canvas's state for its current texts. One query at most."""
    if version is not None:
        decision = _latest_decision(version=version)
        if decision is not None:
            return PrintState(decision.kind, CanvasStatus(decision.kind).label, decision)
        return PrintState(CanvasStatus.SUBMITTED, CanvasStatus.SUBMITTED.label)
    status = CanvasStatus(canvas.status)
    decision = _latest_decision(canvas=canvas) if status in DECISION_KINDS else None
    return PrintState(status.value, status.label, decision)


def _latest_decision(**where) -> CanvasEvent | None:
    return (
        CanvasEvent.objects.filter(kind__in=DECISION_KINDS, **where)
        .select_related("actor")
        .order_by("-at", "-pk")
        .first()
    )


# The text size -------------------------------------------------------------------

MAX_TEXT_PT = 12
MIN_TEXT_PT = 9  # never smaller: below this a printed A3 sheet is hard to read at arm's length
# The longest block (in weighted characters) that still fits its cell at each size; a
# longer one gets the next size down, and past the last the text flows onto a second page.
TEXT_SIZE_LIMITS = ((300, 12), (420, 11), (560, 10))
# A line break leaves the rest of its line empty: it costs about half a line of text.
LINE_BREAK_WEIGHT = 20


def _weight(text: str) -> int:
    """How much room a text takes: its characters without the Thai marks written above or
    below a letter (they take no width), and its line breaks."""
    text = (text or "").strip()
    letters = sum(1 for ch in text if unicodedata.category(ch) != "Mn" and ch != "\n")
    return letters + LINE_BREAK_WEIGHT * text.count("\n")


def text_size_pt(blocks: dict) -> int:
    """The point size of the blocks' text, chosen from the longest block: large when every
    block is short, down to `MIN_TEXT_PT` and never below."""
    longest = max((_weight(blocks.get(key, "")) for key in BLOCK_KEYS), default=0)
    for limit, size in TEXT_SIZE_LIMITS:
        if longest <= limit:
            return size
    return MIN_TEXT_PT


# The file name ------------------------------------------------------------------

MAX_NAME_CHARS = 120  # without ".pdf"; file systems allow 255 bytes and Thai takes 3 each
_UNSAFE = re.compile(r'["\'“”‘’`]')
_SEPARATORS = re.compile(r"[/\\:*?<>|]")
_SPACES = re.compile(r"\s+")
_ASCII_UNSAFE = re.compile(r"[^A-Za-z0-9 ._()\-]")
_EDGES = " .-_"


@dataclass(frozen=True)
class FileName:
    unicode: str
    ascii: str

    def content_disposition(self, disposition: str = "inline") -> str:
        """Both names: RFC 6266 `filename` for old clients, RFC 5987 `filename*` for Thai."""
        return (
            f'{disposition}; filename="{self.ascii}"; '
            f"filename*=UTF-8''{quote(self.unicode, safe='')}"
        )


def _clean(text: str) -> str:
    """A part of a file name: NFC, no control characters, quotes or path separators."""
    text = unicodedata.normalize("NFC", text or "")
    text = "".join(_clean_char(ch) for ch in text)
    text = _SEPARATORS.sub("-", _UNSAFE.sub("", text))
    return _SPACES.sub(" ", text).strip(_EDGES)


def _clean_char(ch: str) -> str:
    category = unicodedata.category(ch)
    if ch.isspace() or category in ("Cc", "Zl", "Zp"):
        return " "
    if category in ("Cf", "Cs", "Co", "Cn"):  # invisible, unpaired or unassigned
        return ""
    return ch


def _shorten(text: str, limit: int) -> str:
    """At most `limit` characters, never cutting a Thai letter from its marks."""
    if len(text) <= limit:
        return text
    cut = limit
    while cut > 0 and unicodedata.category(text[cut]) == "Mn":
        cut -= 1
    return text[:cut].strip(_EDGES)


def pdf_file_name(*, group: str, title: str, number: int | None, pk: int) -> FileName:
    """`<group> - <plan title> - ฉบับที่ <n>.pdf` (without the version part for the current
    texts), and an ASCII fallback made of what Latin the names hold or else
    `canvas-<pk>[-v<n>].pdf`."""
    stem = " - ".join(part for part in (_clean(group), _clean(title)) if part)
    fallback = _ASCII_UNSAFE.sub(" ", stem)
    fallback = _SPACES.sub(" ", fallback).strip(_EDGES)
    fallback = re.sub(r"( - )+", " - ", fallback)
    fallback = _shorten(fallback, MAX_NAME_CHARS) or f"canvas-{pk}"
    fallback += f"-v{number}" if number else ""
    if not stem:
        return FileName(unicode=fallback + ".pdf", ascii=fallback + ".pdf")
    suffix = (" - " + _("ฉบับที่ %(number)s") % {"number": number}) if number else ""
    stem = _shorten(stem, MAX_NAME_CHARS - len(suffix)) + suffix
    return FileName(unicode=stem + ".pdf", ascii=fallback + ".pdf")
