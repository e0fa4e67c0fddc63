"""The weight of a page's first load on a phone, in compressed bytes, read from the files on disk.

What a first visit fetches: the HTML, every same-origin stylesheet, script, icon and preload it
links, and every web font its stylesheets declare for a character the page shows (the browser's
rule: a face is fetched when the page has text in its unicode-range). Each file counts at
`gzip -9` size, or at its own size when gzip would not make it smaller (woff2 is already
compressed, and a server sends it as it is).

    DEBUG=1 .venv/bin/python -m bench.page_weight   # the demo editor (make bootstrap's seed)

tests/bench/test_page_weight.py holds the editor to EDITOR_BUDGET_BYTES.
"""

import gzip
import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import tinycss2

EDITOR_BUDGET_BYTES = 60 * 1000  # DESIGN.md: the editor under 60 KB on first load, fonts included

_SKIP_TEXT_IN = {"script", "style", "head", "title", "template"}
_TEXT_ATTRIBUTES = {"placeholder", "alt"}


@dataclass
class Resource:
    kind: str
    name: str
    raw: int
    compressed: int


@dataclass
class FirstLoad:
    resources: list[Resource] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(r.compressed for r in self.resources)

    def table(self) -> str:
        lines = [f"{'kind':<10} {'file':<52} {'bytes':>8} {'compressed':>10}"]
        for r in self.resources:
            lines.append(f"{r.kind:<10} {r.name:<52} {r.raw:>8} {r.compressed:>10}")
        lines.append(f"{'total':<63} {sum(r.raw for r in self.resources):>8} {self.total:>10}")
        return "\n".join(lines)


def compressed_size(data: bytes) -> int:
    return min(len(data), len(gzip.compress(data, compresslevel=9, mtime=0)))


class _PageReader(HTMLParser):
    """The same-origin files a page links and the characters it shows."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []  # (kind, url)
        self.chars: set[str] = set()
        self._skipping: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = set((attrs.get("rel") or "").lower().split())
        if tag == "link" and attrs.get("href"):
            if "stylesheet" in rel:
                self.links.append(("stylesheet", attrs["href"]))
            elif "preload" in rel or "modulepreload" in rel:
                self.links.append(("preload", attrs["href"]))
            elif "icon" in rel:
                self.links.append(("icon", attrs["href"]))
        elif tag == "script" and attrs.get("src"):
            self.links.append(("script", attrs["src"]))
        elif tag == "img" and attrs.get("src") and attrs.get("loading") != "lazy":
            self.links.append(("image", attrs["src"]))
        if tag in _SKIP_TEXT_IN:
            self._skipping.append(tag)
        if not self._skipping:
            for name in _TEXT_ATTRIBUTES:
                self.chars.update(attrs.get(name) or "")
            if tag == "input" and attrs.get("type") in {"submit", "button"}:
                self.chars.update(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if self._skipping and self._skipping[-1] == tag:
            self._skipping.pop()

    def handle_data(self, data):
        if not self._skipping:
            self.chars.update(data)


def _same_origin_path(url: str, static_url: str) -> str | None:
    """The static file's path for a same-origin static URL, else None."""
    if url.startswith(("http://", "https://", "//", "data:")):
        return None
    url = url.split("#", 1)[0].split("?", 1)[0]
    if not url.startswith(static_url):
        return None
    return url[len(static_url) :]


def parse_unicode_range(text: str) -> list[tuple[int, int]]:
    ranges = []
    for part in text.replace("u+", "U+").split(","):
        part = part.strip().removeprefix("U+")
        if not part:
            continue
        if "-" in part:
            low, high = part.split("-", 1)
        elif "?" in part:
            low, high = part.replace("?", "0"), part.replace("?", "F")
        else:
            low = high = part
        ranges.append((int(low, 16), int(high, 16)))
    return ranges


def font_faces(css: str) -> list[dict]:
    """Each @font-face of a stylesheet: its woff2 url, weight and unicode-range."""
    faces = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type != "at-rule" or rule.lower_at_keyword != "font-face":
            continue
        face = {"url": None, "weight": "400", "ranges": [(0, 0x10FFFF)]}
        for decl in tinycss2.parse_declaration_list(
            rule.content, skip_comments=True, skip_whitespace=True
        ):
            if decl.type != "declaration":
                continue
            if decl.lower_name == "src":
                urls = [t for t in decl.value if t.type == "url"]
                urls += [
                    t.arguments[0]
                    for t in decl.value
                    if t.type == "function" and t.lower_name == "url" and t.arguments
                ]
                if urls:
                    face["url"] = urls[0].value
            elif decl.lower_name == "font-weight":
                face["weight"] = tinycss2.serialize(decl.value).strip()
            elif decl.lower_name == "unicode-range":
                face["ranges"] = parse_unicode_range(tinycss2.serialize(decl.value))
        if face["url"]:
            faces.append(face)
    return faces


def _shows_any(chars: set[str], ranges: list[tuple[int, int]]) -> bool:
    codes = {ord(c) for c in chars if not c.isspace()}
    return any(low <= code <= high for code in codes for low, high in ranges)


def first_load(html: str, find=None, static_url: str | None = None) -> FirstLoad:
    """The files a first visit to this page fetches, with their compressed sizes.

    `find` maps a static path ("css/app.css") to a file on disk; the static files finders
    by default, so the figures are those of the files in the repository.
    """
    if find is None or static_url is None:
        from django.conf import settings
        from django.contrib.staticfiles import finders

        find = find or finders.find
        static_url = static_url or settings.STATIC_URL
    reader = _PageReader()
    reader.feed(html)
    page = html.encode()
    result = FirstLoad([Resource("page", "(the HTML)", len(page), compressed_size(page))])
    seen = set()

    def add(kind, path):
        if path in seen:
            return None
        seen.add(path)
        located = find(path)
        if not located:
            raise FileNotFoundError(f"{path} is linked from the page but is not a static file")
        data = Path(located).read_bytes()
        result.resources.append(Resource(kind, path, len(data), compressed_size(data)))
        return data

    for kind, url in reader.links:
        path = _same_origin_path(url, static_url)
        if path is None:
            continue
        data = add(kind, path)
        if kind == "stylesheet" and data is not None:
            for face in font_faces(data.decode()):
                if _shows_any(reader.chars, face["ranges"]):
                    font_path = posixpath.normpath(posixpath.join(posixpath.dirname(path), face["url"]))
                    add(f"font {face['weight']}", font_path)
    return result


def demo_editor() -> FirstLoad:
    """The demo leader's editor, rendered by the test client against the development database."""
    from django.test import Client

    from accounts.models import User
    from canvases.models import Canvas

    canvas = Canvas.objects.filter(status="draft").order_by("pk").first()
    if canvas is None:
        raise SystemExit("No draft canvas: run `make bootstrap` (the demo seed) first.")
    leader = User.objects.filter(memberships__group=canvas.group, memberships__role="leader").order_by("pk").first()
    client = Client()
    client.force_login(leader)
    response = client.get(canvas.get_absolute_url(), HTTP_HOST="127.0.0.1")
    assert response.status_code == 200, response.status_code
    return first_load(response.content.decode())


if __name__ == "__main__":
    import django

    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cbmc_portal.settings")
    django.setup()
    load = demo_editor()
    print(load.table())
    print(f"budget {EDITOR_BUDGET_BYTES} bytes: {'within' if load.total <= EDITOR_BUDGET_BYTES else 'OVER'}")
