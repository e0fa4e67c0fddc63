"""A word-by-word comparison that works for Thai, which writes no spaces between words.

Text is cut into tokens: a Latin word or a number is one token, each space
is one, and Thai is cut into character clusters (a consonant with its
vowels and tone marks, a leading vowel with the consonant after it), so a
change never splits a tone mark from its consonant. difflib aligns the
tokens; short unchanged stretches between two changes are folded into
them, so what is marked reads as whole runs rather than scattered letters.
"""

import difflib
import re
import unicodedata
from dataclasses import dataclass

THAI_LEADING_VOWELS = "เแโใไ"
# Unchanged runs up to this many tokens between two changes are marked as changed.
FOLD_EQUAL = 2

_TOKEN = re.compile(r"[A-Za-z0-9\u00C0-\u024F]+|\s|.", re.DOTALL)


def _is_mark(ch: str) -> bool:
    # Thai above/below vowels and tone marks (Mn), SARA AM, and joiners stay on their base.
    return unicodedata.category(ch) in ("Mn", "Me") or ch in "\u0e33\u200d\ufe0f"


def tokens(text: str) -> list[str]:
    result: list[str] = []
    for match in _TOKEN.finditer(text or ""):
        token = match.group()
        attaches = bool(result) and (
            (len(token) == 1 and _is_mark(token) and not result[-1].isspace())
            or (result[-1] in THAI_LEADING_VOWELS and not token.isspace())
        )
        if attaches:
            result[-1] += token
        else:
            result.append(token)
    return result


@dataclass(frozen=True)
class Segment:
    kind: str  # "equal", "insert" or "delete"
    text: str


def _merge(segments: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for seg in segments:
        if not seg.text:
            continue
        if merged and merged[-1].kind == seg.kind:
            merged[-1] = Segment(seg.kind, merged[-1].text + seg.text)
        else:
            merged.append(seg)
    return merged


def diff_texts(old: str, new: str) -> list[Segment]:
    """Segments that, read in order, show `old` turned into `new`."""
    a, b = tokens(old), tokens(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    ops = matcher.get_opcodes()
    # Fold short unchanged stretches lying between two changes into the change.
    folded = []
    for index, (tag, i1, i2, j1, j2) in enumerate(ops):
        between = 0 < index < len(ops) - 1
        short = (i2 - i1) <= FOLD_EQUAL and not any(t.isspace() for t in a[i1:i2])
        if tag == "equal" and between and short:
            tag = "replace"
        folded.append((tag, i1, i2, j1, j2))
    deleted: list[str] = []
    inserted: list[str] = []
    segments: list[Segment] = []

    def flush():
        if deleted:
            segments.append(Segment("delete", "".join(deleted)))
        if inserted:
            segments.append(Segment("insert", "".join(inserted)))
        deleted.clear()
        inserted.clear()

    for tag, i1, i2, j1, j2 in folded:
        if tag == "equal":
            flush()
            segments.append(Segment("equal", "".join(a[i1:i2])))
        else:
            deleted.extend(a[i1:i2])
            inserted.extend(b[j1:j2])
    flush()
    return _merge(segments)


def has_changes(segments: list[Segment]) -> bool:
    return any(seg.kind != "equal" for seg in segments)
