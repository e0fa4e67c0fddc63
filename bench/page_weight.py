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
                    font_path = posixpath.normpath(
                        posixpath.join(posixpath.dirname(path), face["url"])
                    )
                    add(f"font {face['weight']}", font_path)
    return result


def render(path: str, username: str) -> str:
    """A page of the development database, as that user sees it (the test client, no server)."""
    from django.test import Client

    from accounts.models import User

    client = Client()
    client.force_login(User.objects.get(username=username))
    response = client.get(path, HTTP_HOST="127.0.0.1")
    if response.status_code != 200:
        raise SystemExit(f"{path} as {username}: HTTP {response.status_code}")
    return response.content.decode()


def demo_editor_path() -> tuple[str, str]:
    """The first canvas of the demo seed that its leader can edit, and that leader."""
    from canvases.models import Canvas
    from communities.models import Membership

    for canvas in Canvas.objects.filter(status__in=["draft", "changes_requested"]).order_by("pk"):
        membership = (
            Membership.objects.filter(group=canvas.group, role="leader")
            .select_related("user")
            .first()
        )
        if membership:
            return canvas.get_absolute_url(), membership.user.username
    raise SystemExit("No canvas a leader can edit: seed the demo (make bootstrap) and start one.")


def main(argv=None) -> int:
    import argparse
    import os

    import django

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--path", help="the page (default: the demo leader's editor)")
    parser.add_argument("--user", help="the username to sign in as")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cbmc_portal.settings")
    django.setup()
    path, user = (args.path, args.user) if args.path else demo_editor_path()
    load = first_load(render(path, args.user or user))
    print(f"{path} as {args.user or user}")
    print(load.table())
    verdict = "within" if load.total <= EDITOR_BUDGET_BYTES else "OVER"
    print(f"editor budget {EDITOR_BUDGET_BYTES} bytes: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
