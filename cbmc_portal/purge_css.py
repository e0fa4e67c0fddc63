"""Build the portal's Bootstrap: only the rules whose classes the portal uses.

    python -m cbmc_portal.purge_css      (or `make css`)

reads the vendored full Bootstrap (static/vendor/bootstrap/bootstrap.min.css) and writes
static/vendor/bootstrap/bootstrap.portal.min.css, which templates/base.html links. A phone on a
weak link then fetches a few KB of CSS instead of 31 KB (the editor's budget is 60 KB, fonts
included).

What "used" means, generously: every word that appears in our templates, in static/js/*.js, in
the string literals of our Python code (widgets' attrs, crispy layouts, format_html) and in the
crispy-forms Bootstrap 5 templates (forms are laid out with them). A class built in a template
or a script (`alert-{{ tag }}`, `"jump-" + state`) makes its prefix keep every Bootstrap class
that starts with it.

What is kept: rules with no class in them (:root and its variables, html, body, h1…, a, table…),
and every selector whose classes are all used (classes inside :not() do not count: they name
what the rule skips); inside @media and @supports, the same, recursively; @keyframes only when a
kept rule names them. Rules under [data-bs-theme=dark] go unless the portal sets that attribute.

tests/project/test_bootstrap_purge.py fails when a template uses a Bootstrap class that the
committed file lacks, and says to run `make css`.
"""

import ast
import re
import sys
from pathlib import Path

import tinycss2

BASE_DIR = Path(__file__).resolve().parent.parent
SOURCE = BASE_DIR / "static" / "vendor" / "bootstrap" / "bootstrap.min.css"
OUTPUT = BASE_DIR / "static" / "vendor" / "bootstrap" / "bootstrap.portal.min.css"
PYTHON_DIRS = (
    "cbmc_portal",
    "accounts",
    "communities",
    "mentors",
    "canvases",
    "programme",
    "dashboards",
)
COMMAND = "make css"

# Prefixes built in templates that name our own classes, not Bootstrap's: honouring them would
# keep whole families of Bootstrap utilities for nothing.
OWN_PREFIXES = {
    "p-": "the progress of a block (p-{{ card.progress }}, canvas.css)",
    "text-": "the print size (text-{{ text_pt }}pt, print.css)",
}

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_CLASS = re.compile(r"\.(-?[A-Za-z_][A-Za-z0-9_-]*)")
_NOT = re.compile(r":not\([^()]*\)")
_ATTRIBUTE = re.compile(r"\[\s*(data-bs-[a-z-]+)")
_DYNAMIC_PREFIX = re.compile(
    r"([A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*-)(?:\{\{|\{%|[\"']\s*\+|\$\{)"
)


def crispy_templates(pythons: list[Path]) -> list[Path]:
    """The crispy-forms Bootstrap 5 templates the portal's forms can render.

    Our templates lay forms out with `|crispy` and `|as_crispy_field` only: their templates and
    every template those name (followed through includes). Layout objects (accordions, tabs,
    modals) come in with a FormHelper; should our code import one, every crispy template counts.
    """
    import crispy_bootstrap5

    root = Path(crispy_bootstrap5.__file__).parent / "templates"
    every = sorted(root.rglob("*.html"))
    if any(
        re.search(r"crispy_forms\.(helper|layout|bootstrap)", p.read_text(encoding="utf-8"))
        for p in pythons
    ):
        return every
    todo = [p for p in (root / "bootstrap5").glob("*.html") if not p.name.startswith("accordion")]
    seen: set[Path] = set()
    while todo:
        path = todo.pop()
        if path in seen or not path.exists():
            continue
        seen.add(path)
        for name in re.findall(
            r"[\"'](bootstrap5/[\w/.-]+\.html)[\"']", path.read_text(encoding="utf-8")
        ):
            todo.append(root / name)
    return sorted(seen)


def source_files(base_dir: Path = BASE_DIR) -> tuple[list[Path], list[Path]]:
    """(text files whose every word counts, Python files whose string literals count)."""
    texts = sorted((base_dir / "templates").rglob("*.html"))
    texts += sorted((base_dir / "static" / "js").glob("*.js"))
    pythons = [
        path
        for folder in PYTHON_DIRS
        for path in sorted((base_dir / folder).rglob("*.py"))
        if "migrations" not in path.parts
        and path.name != "purge_css.py"  # this builder's own words
    ]
    texts += crispy_templates(pythons)
    return texts, pythons


def _python_strings(text: str) -> tuple[str, set[str]]:
    """The string literals of a Python file, and the prefixes its f-strings build classes on."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return text, set()
    strings = " ".join(
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    )
    prefixes = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            for part, following in zip(node.values, node.values[1:], strict=False):
                if isinstance(part, ast.Constant) and isinstance(following, ast.FormattedValue):
                    words = _WORD.findall(str(part.value))
                    if words and words[-1].endswith("-") and str(part.value).endswith(words[-1]):
                        prefixes.add(words[-1])
    return strings, prefixes


def variables_read(base_dir: Path = BASE_DIR) -> set[str]:
    """The custom properties our own stylesheets, templates and scripts read with var()."""
    paths = sorted((base_dir / "static" / "css").glob("*.css"))
    paths += sorted((base_dir / "static" / "js").glob("*.js"))
    paths += sorted((base_dir / "templates").rglob("*.html"))
    return {name for path in paths for name in _VAR.findall(path.read_text(encoding="utf-8"))}


def used_words(base_dir: Path = BASE_DIR) -> tuple[set[str], set[str]]:
    """The words the portal's sources use, and the class prefixes they build."""
    texts, pythons = source_files(base_dir)
    words: set[str] = set()
    prefixes: set[str] = set()
    for path in texts:
        text = path.read_text(encoding="utf-8")
        words.update(_WORD.findall(text))
        prefixes.update(_DYNAMIC_PREFIX.findall(text))
    for path in pythons:
        text, built_on = _python_strings(path.read_text(encoding="utf-8"))
        words.update(_WORD.findall(text))
        prefixes.update(built_on)
    return words, prefixes - set(OWN_PREFIXES)


def _selector_kept(selector: str, words: set[str], prefixes: set[str]) -> bool:
    bare = selector
    while _NOT.search(bare):
        bare = _NOT.sub("", bare)
    for attribute in _ATTRIBUTE.findall(bare):
        if attribute not in words:
            return False
    return all(
        name in words or any(name.startswith(p) for p in prefixes) for name in _CLASS.findall(bare)
    )


def _split_selectors(prelude: str) -> list[str]:
    parts, depth, current = [], 0, []
    for char in prelude:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        if char == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _purge_rules(rules, words, prefixes) -> list[str]:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = _split_selectors(tinycss2.serialize(rule.prelude))
            kept = [s for s in selectors if _selector_kept(s.strip(), words, prefixes)]
            if kept:
                out.append(
                    ",".join(s.strip() for s in kept) + "{" + tinycss2.serialize(rule.content) + "}"
                )
        elif rule.type == "at-rule":
            keyword = rule.lower_at_keyword
            prelude = tinycss2.serialize(rule.prelude)
            if keyword in {"media", "supports", "container", "layer"} and rule.content is not None:
                inner = _purge_rules(
                    tinycss2.parse_rule_list(
                        rule.content, skip_comments=True, skip_whitespace=True
                    ),
                    words,
                    prefixes,
                )
                if inner:
                    out.append(f"@{rule.at_keyword}{prelude}{{{''.join(inner)}}}")
            elif keyword == "keyframes" or keyword.endswith("-keyframes"):
                out.append(("keyframes", prelude.strip(), tinycss2.serialize([rule])))
            else:
                out.append(tinycss2.serialize([rule]))
    return out


_VAR = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")


def _without_declarations(css: str, drop) -> str:
    """The stylesheet without the declarations `drop(name)` names, rules left empty removed."""

    def walk(rules, separator="") -> str:
        out = []
        for rule in rules:
            if rule.type == "qualified-rule":
                declarations = [
                    d
                    for d in tinycss2.parse_declaration_list(
                        rule.content, skip_comments=True, skip_whitespace=True
                    )
                    if d.type == "declaration" and not drop(d.name)
                ]
                if declarations:
                    body = "".join(tinycss2.serialize([d]) for d in declarations).rstrip(";")
                    out.append(tinycss2.serialize(rule.prelude) + "{" + body + "}")
            elif (
                rule.type == "at-rule"
                and rule.content is not None
                and rule.lower_at_keyword
                in {
                    "media",
                    "supports",
                    "container",
                    "layer",
                }
            ):
                inner = walk(
                    tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
                )
                if inner:
                    out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}")
            else:
                out.append(tinycss2.serialize([rule]))
        return separator.join(out)

    # One top-level rule a line, so that two branches' rebuilds merge like any other file.
    return walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), "\n")


def drop_unused_variables(css: str, referenced_elsewhere: set[str]) -> str:
    """Without the Bootstrap custom properties that nothing reads (a var() here or in our files)."""
    while True:
        referenced = set(_VAR.findall(css)) | referenced_elsewhere
        lean = _without_declarations(
            css, lambda name, read=referenced: name.startswith("--bs-") and name not in read
        )
        if lean == css:
            return css
        css = lean


def purge(
    css: str, words: set[str], prefixes: set[str], variables_read: set[str] | None = None
) -> str:
    """The stylesheet with only the rules whose classes are in `words` (or start with a prefix)."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=False, skip_whitespace=True)
    banner = [
        tinycss2.serialize([r]) for r in rules if r.type == "comment" and r.value.startswith("!")
    ]
    body = _purge_rules([r for r in rules if r.type != "comment"], words, prefixes)
    kept = "\n".join(part for part in body if isinstance(part, str))
    keyframes = [
        text
        for part in body
        if isinstance(part, tuple)
        for _kind, name, text in [part]
        if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", kept)
    ]
    if variables_read is not None:
        kept = drop_unused_variables(kept, variables_read)
    charset = '@charset "UTF-8";' if kept.startswith("@charset") else ""
    kept = kept.removeprefix('@charset "UTF-8";').lstrip("\n")
    note = (
        f"/* The rules of bootstrap.min.css the portal uses; made by `{COMMAND}`, do not edit. */"
    )
    tail = "".join("\n" + text for text in keyframes)
    return charset + "".join(banner[:1]) + "\n" + note + "\n" + kept + tail + "\n"


def build(base_dir: Path = BASE_DIR) -> str:
    words, prefixes = used_words(base_dir)
    return purge(SOURCE.read_text(encoding="utf-8"), words, prefixes, variables_read(base_dir))


def rule_inventory(css: str) -> set[str]:
    """Each selector (with its @media/@supports context) and custom property a sheet declares."""
    found: set[str] = set()

    def walk(rules, context):
        for rule in rules:
            if rule.type == "qualified-rule":
                for selector in _split_selectors(tinycss2.serialize(rule.prelude)):
                    found.add(f"{context}{selector.strip()}")
                for declaration in tinycss2.parse_declaration_list(
                    rule.content, skip_comments=True, skip_whitespace=True
                ):
                    if declaration.type == "declaration" and declaration.name.startswith("--"):
                        found.add(declaration.name)
            elif rule.type == "at-rule" and rule.content is not None:
                if rule.lower_at_keyword in {"media", "supports", "container", "layer"}:
                    prelude = tinycss2.serialize(rule.prelude).strip()
                    walk(
                        tinycss2.parse_rule_list(
                            rule.content, skip_comments=True, skip_whitespace=True
                        ),
                        f"{context}@{rule.lower_at_keyword} {prelude} ",
                    )
                else:
                    prelude = tinycss2.serialize(rule.prelude).strip()
                    found.add(f"{context}@{rule.lower_at_keyword} {prelude}")

    walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), "")
    return found


def class_names(css: str) -> set[str]:
    """Every class a stylesheet's selectors name (outside :not())."""
    return {
        name
        for entry in rule_inventory(css)
        if not entry.startswith("--")
        for name in _CLASS.findall(_NOT.sub("", entry))
    }


def missing_from(committed: str, needed: str) -> list[str]:
    """What the freshly purged sheet has that the committed one lacks."""
    return sorted(rule_inventory(needed) - rule_inventory(committed))


def main() -> int:
    text = build()
    OUTPUT.write_text(text, encoding="utf-8")
    print(
        f"{OUTPUT.relative_to(BASE_DIR)}: {len(text.encode())} bytes (from {SOURCE.stat().st_size})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
