"""A word-by-word comparison that works for Thai, which writes no spaces between words.

Text is cut into tokens: Thai by PyThaiNLP's `newmm` (dictionary-based maximal
matching over Thai character clusters, the field's standard segmenter, with
the dictionary shipped inside the package), so a changed word is marked
whole and a tone mark never leaves its consonant; a Latin word or a number
is one token, each space one, any other character one. difflib aligns the
tokens; a single unchanged word between two changes is folded into them, so
what is marked reads as whole runs rather than scattered pieces.

The segments are plain text: the template escapes them like any other text.
"""

import difflib
import os
import re
from dataclasses import dataclass

# The dictionary ships in the wheel: never write a data folder into the server's home,
# never download anything at run time.
os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")

from pythainlp.tokenize import word_tokenize  # noqa: E402

# Unchanged runs up to this many tokens between two changes are marked as changed.
FOLD_EQUAL = 1
THAI_ENGINE = "newmm"

# Thai letters, vowels, tone marks and digits (U+0E00–U+0E7F): one run goes to the segmenter.
_THAI_RUN = re.compile(r"([\u0e00-\u0e7f]+)")
_OTHER_TOKEN = re.compile(r"[A-Za-z0-9\u00C0-\u024F]+|\s|.", re.DOTALL)
_CHUNK = re.compile(r"\S+\s*|\s+")


def tokens(text: str) -> list[str]:
    """`text` cut into words; joined back they give `text` exactly."""
    result: list[str] = []
    for index, run in enumerate(_THAI_RUN.split(text or "")):
        if not run:
            continue
        if index % 2:  # the odd pieces of a split on a group are the Thai runs
            result.extend(word_tokenize(run, engine=THAI_ENGINE, keep_whitespace=True))
        else:
            result.extend(_OTHER_TOKEN.findall(run))
    return result


def warm_up() -> None:
    """Load the segmenter's dictionary now (a second or two), not on a reviewer's first page."""
    tokens("ล่องเรือ")


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


def _chunks(text: str) -> list[str]:
    """Runs of text between spaces (a Thai phrase or sentence), each with the spaces after it."""
    return _CHUNK.findall(text)


def diff_texts(old: str, new: str) -> list[Segment]:
    """Segments that, read in order, show `old` turned into `new`.

    Two passes keep a comparison cheap on long blocks: the texts are first
    aligned by the runs between spaces, then only the runs that differ are cut
    into words and aligned word by word. Thai never spans a space, so the
    words are the ones the whole text would give.
    """
    if old == new:
        return [Segment("equal", old)] if old else []
    a, b = _chunks(old), _chunks(new)
    segments: list[Segment] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            segments.append(Segment("equal", "".join(a[i1:i2])))
        else:
            segments.extend(_word_diff("".join(a[i1:i2]), "".join(b[j1:j2])))
    return _merge(segments)


def _word_diff(old: str, new: str) -> list[Segment]:
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
    return segments


def has_changes(segments: list[Segment]) -> bool:
    return any(seg.kind != "equal" for seg in segments)
