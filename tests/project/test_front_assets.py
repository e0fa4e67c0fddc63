"""The front end's built files: the purged Bootstrap and the Latin subsets of Sarabun.

Other templates keep arriving; these tests fail when one uses a Bootstrap class (or our CSS reads
a Bootstrap variable) that the committed static/vendor/bootstrap/bootstrap.portal.min.css lacks.
"""

import re

from django.template.loader import get_template
from fontTools.ttLib import TTFont

from cbmc_portal import purge_css, subset_fonts

SOURCE = purge_css.SOURCE.read_text(encoding="utf-8")
APP_CSS = (purge_css.BASE_DIR / "static" / "css" / "app.css").read_text(encoding="utf-8")


def test_the_committed_bootstrap_has_every_rule_the_portal_uses():
    needed = purge_css.build()
    committed = purge_css.OUTPUT.read_text(encoding="utf-8")
    missing = purge_css.missing_from(committed, needed)
    assert not missing, (
        f"static/vendor/bootstrap/bootstrap.portal.min.css lacks {len(missing)} Bootstrap rule(s) "
        f"the templates now use: {', '.join(missing[:12])}{' …' if len(missing) > 12 else ''}. "
        f"Run `{purge_css.COMMAND}` and commit static/vendor/bootstrap/bootstrap.portal.min.css."
    )


def test_a_class_a_template_starts_using_is_reported_missing():
    words, prefixes = purge_css.used_words()
    assert "btn-info" not in words  # if the portal starts using it, pick another unused class
    committed = purge_css.OUTPUT.read_text(encoding="utf-8")
    needed = purge_css.purge(SOURCE, words | {"btn-info"}, prefixes, purge_css.variables_read())
    assert ".btn-info" in purge_css.missing_from(committed, needed)


def test_every_page_links_the_purged_bootstrap_and_preloads_the_thai_face():
    base = get_template("base.html").template.source
    assert "vendor/bootstrap/bootstrap.portal.min.css" in base
    assert "bootstrap.min.css" not in base
    preloads = re.findall(r'<link rel="preload" href="([^"]+)"[^>]*>', base)
    assert preloads == ["{% static 'vendor/sarabun/sarabun-thai-400-normal.woff2' %}"]
    assert 'as="font" type="font/woff2" crossorigin' in base
    assert "sarabun-thai-400-normal.woff2" in APP_CSS  # the same URL, so one fetch


def test_it_keeps_element_rules_and_the_rules_whose_classes_are_used():
    css = (
        ":root,[data-bs-theme=light]{--bs-a:1;--bs-b:2}[data-bs-theme=dark]{--bs-a:3}"
        "body{margin:var(--bs-a)}.btn,h1{color:red}.btn-x{color:blue}"
        ".btn:not(.collapsed)>.icon{color:green}"
        "@media (min-width:576px){.col-6{width:50%}.col-7{width:58%}}"
        "@keyframes spin{to{rotate:1turn}}@keyframes glow{to{opacity:.5}}"
        ".spinner{animation:spin 1s}"
    )
    out = purge_css.purge(css, {"btn", "col-6", "icon", "spinner"}, set(), set())
    assert ":root{--bs-a:1}" in out  # --bs-b is read by nothing
    assert "data-bs-theme" not in out
    assert "body{margin:var(--bs-a)}" in out
    assert ".btn,h1{color:red}" in out
    assert ".btn-x" not in out
    assert ".btn:not(.collapsed)>.icon" in out  # a class inside :not() names what it skips
    assert "@media (min-width:576px){.col-6{width:50%}}" in out
    assert "@keyframes spin" in out and "glow" not in out


def test_a_class_built_in_a_template_keeps_its_family():
    css = ".alert-danger{color:red}.alert-info{color:blue}.badge{color:green}"
    out = purge_css.purge(css, set(), {"alert-"}, set())
    assert ".alert-danger" in out and ".alert-info" in out and ".badge" not in out


def _latin_faces():
    return [
        face for face in re.findall(r"@font-face\s*{[^}]*}", APP_CSS) if "sarabun-latin" in face
    ]


def test_the_latin_faces_are_the_subsets_and_declare_their_range():
    faces = _latin_faces()
    assert len(faces) == 2
    for face in faces:
        assert "sarabun-latin-basic-" in face
        declared = re.search(r"unicode-range:\s*([^;]+);", face).group(1)
        assert declared == subset_fonts.LATIN_UNICODE_RANGE
        assert "font-display: swap" in face


def test_the_latin_subsets_hold_every_character_of_their_range_the_source_has():
    wanted = set(subset_fonts.code_points())
    for weight in subset_fonts.WEIGHTS:
        source = set(TTFont(subset_fonts.source(weight)).getBestCmap())
        subset = set(TTFont(subset_fonts.target(weight)).getBestCmap())
        assert wanted & source <= subset, f"run `make css`: weight {weight} misses characters"
        assert set(range(0x20, 0x7F)) <= subset  # ASCII: digits, English, phone numbers
        assert not subset - wanted - {0x0D}  # nothing outside the range is carried


def test_a_class_built_in_python_keeps_its_family_too():
    strings, prefixes = purge_css._python_strings('css = f"text-bg-{level} p-2"\nother = "btn"')
    assert prefixes == {"text-bg-"}
    assert "btn" in strings and "p-2" in strings
