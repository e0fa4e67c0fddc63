"""Fuzzing every form and every JSON/htmx endpoint, as the right persona and the wrong ones.

The endpoints come from the same URL walk and table as the authorization
table: every URL whose POST writes for someone is a form; its fields are the
table's POST body plus the fields of the form its page renders. Hypothesis
fills them with Thai text, control characters, NUL, huge strings, markup,
SQL-ish text, the other region's ids, Unicode digits and negative numbers,
sent as a plain post, as htmx and as the editor's autosave. Whatever it sends:
never a 500, never the injected markup rendered, never a redirect off the
portal, never a change to group B's objects, and no change at all when the
persona has no right to the form.

Deterministic (derandomize=True) and bounded (max_examples) so the file runs
in well under a minute.
"""

import json
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.security import authz_table
from tests.security.scenario import PERSONAS
from tests.security.snapshot import side_fingerprint
from tests.security.urlwalk import patterns

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("cbmc")</script>'
# Markup that must never come back unescaped.
MARKERS = ("<script>alert", "<img src=x onerror")
NASTY = [
    SCRIPT,
    '"><img src=x onerror=alert(1)>',
    "\x00",
    "ก\x00ข",
    "\x01\x1b[31m\x7f",
    "²",
    "๑๒๓",
    "٣",
    "-1",
    "0",
    "2147483648",
    "9" * 40,
    "1.5",
    "1e9",
    "' OR '1'='1",
    "1; DROP TABLE accounts_user; --",
    "ก" * 20_000,
    "x" * 100_000,
    "\u202e\u200b\ufeff",
    "",
    " ",
    "null",
    "2568-02-30",
    "0001-01-01",
    "9999-12-31",
    "//evil.example/",
    "https://evil.example/",
]
# Known answers that break a promise, each with the finding that tracks it; they show as
# xfail until fixed, and any other failure fails the test.
# Known 500s still open, by (URL name, field, value): shown as xfail until fixed.
KNOWN: dict = {}
HEADERS = [{}, {"HX-Request": "true"}, {"X-Autosave": "1"}]
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B),
        st.characters(max_codepoint=0x7E),
        st.sampled_from("\x00\x01\x1f\u202e²³๙٣<>\"'&"),
    ),
    max_size=30,
)
FUZZ = settings(
    max_examples=5,
    deadline=None,
    derandomize=True,
    database=None,
    # No shrinking: a failure is reported with the example as found, in bounded time.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
PATTERNS = {p.name: p for p in patterns(authz_table.SKIPPED)}


def _cells(row, method):
    key = f"{method} own" if f"{method} own" in row else method
    return dict(zip(PERSONAS, row[key].split(), strict=True)) if key in row else {}


def _personas(name):
    """(the right persona, the wrong ones) for a form, read from its row of the table."""
    cells = _cells(authz_table.ROWS[name], "POST")
    right = next((p for p, cell in cells.items() if cell.endswith("+")), None)
    refused = [p for p, cell in cells.items() if cell in {"403", "404", "login"}]
    wrong = [p for p in refused if cells[p] == "403"][:1] + [
        p for p in refused if cells[p] != "403"
    ][:2]
    return right, wrong


FORMS = sorted(name for name in authz_table.ROWS if _personas(name)[0])
READ_PAGES = sorted(
    name for name, row in authz_table.ROWS.items() if "200" in _cells(row, "GET").values()
)
# Query parameters a page reads that no form on it names.
EXTRA_QUERY = {"canvases:print": ["version"], "canvases:pdf": ["version"]}
# Fields of action buttons posted from other pages (where to go back to afterwards).
EXTRA_FIELDS = {
    "canvases:thread_reply": ["back"],
    "canvases:thread_resolve": ["back"],
    "canvases:thread_reopen": ["back"],
    "canvases:save": ["resolve", "then_submit"],
    "mentors:assignment_end": ["next"],
}


class _Fields(HTMLParser):
    """The names of the fields of the forms on a page that post (or get) to `action`."""

    def __init__(self, action, method):
        super().__init__()
        self.action, self.method, self.names, self.inside = action, method, [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            method = (attrs.get("method") or "get").lower()
            action = attrs.get("action") or self.action
            self.inside = method == self.method and action.split("?")[0] == self.action
        elif self.inside and tag in {"input", "textarea", "select", "button"}:
            name = attrs.get("name")
            if name and name != "csrfmiddlewaretoken" and name not in self.names:
                self.names.append(name)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


def page_fields(harness, persona, url, method):
    response, _, _ = harness.send(persona, "GET", url)
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return []
    parser = _Fields(url, method)
    parser.feed(response.content.decode(errors="replace"))
    return parser.names


def form_fields(harness, name, persona, url, template) -> list:
    """The table's POST body, then the fields the form's page renders, then known extras."""
    names = list(template)
    for field in page_fields(harness, persona, url, "post") + EXTRA_FIELDS.get(name, []):
        if field not in names:
            names.append(field)
    return names


def own_url(harness, name):
    kwargs = authz_table.ROWS[name].get("kwargs", {})
    ids = harness.world.sides["own"].ids
    return reverse(name, kwargs={arg: ids[obj] for arg, obj in kwargs.items()})


def foreign_values(harness):
    ids = harness.world.sides["foreign"].ids
    keys = ("group", "canvas", "version", "thread", "comment", "mentor", "cohort", "province")
    return [str(ids[key]) for key in keys] + [ids["tambon_code"], str(ids["leader"])]


def value_strategy(valid, foreign):
    choices = st.one_of(st.sampled_from(NASTY + foreign), TEXT)
    if isinstance(valid, list):
        return st.one_of(st.just(valid), st.lists(choices, max_size=3))
    if valid is None:
        return choices
    return st.one_of(st.just(valid), choices)


def _html_fields(value):
    """Every string under a key named "html", at any depth of a JSON answer."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "html" and isinstance(item, str):
                yield item
            else:
                yield from _html_fields(item)
    elif isinstance(value, list):
        for item in value:
            yield from _html_fields(item)


def check(harness, response, *, persona, wrong, changed, foreign_before, foreign_after):
    """The promises every fuzzed request keeps."""
    where = f"{response.request['REQUEST_METHOD']} {response.request['PATH_INFO']} as {persona}"
    assert response.status_code < 500, f"{where}: {response.status_code}"
    content_type = response.get("Content-Type", "")
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    body = raw.decode(errors="replace")
    if "json" in content_type:
        # A JSON answer's texts are data the page puts in a textarea; its "html"
        # fields are what a page inserts as markup, so those are what must be clean.
        body = " ".join(_html_fields(json.loads(body)))
    if "html" in content_type or "json" in content_type:
        for marker in MARKERS:
            assert marker not in body, f"{where}: injected markup rendered ({marker})"
    if response.status_code in {301, 302, 303, 307, 308}:
        location = response["Location"]
        assert location.startswith("/") and not location.startswith(("//", "/\\")), (
            f"{where}: redirect off the portal: {location}"
        )
    assert foreign_after == foreign_before, f"{where}: group B's data changed"
    if wrong:
        assert not changed, f"{where}: a persona without the right changed {changed}"


def fuzz(harness, draw, *, name, fields, template, persona, wrong, method, url):
    """One generated request to `url`, then the promises of `check`."""
    foreign_ids = harness.world.sides["foreign"].ids
    foreign = foreign_values(harness)
    before = side_fingerprint(foreign_ids)
    headers = draw(st.sampled_from(HEADERS), label="headers")
    strategies = {field: value_strategy(template.get(field), foreign) for field in fields}
    body = draw(st.fixed_dictionaries(strategies), label="body")
    response, changed, after = harness.send(
        persona,
        method,
        url,
        body,
        headers,
        inspect=lambda: side_fingerprint(foreign_ids),
        watch=wrong,
    )
    tracked = any((name, key, value) in KNOWN for key, value in body.items() if type(value) is str)
    if tracked and response.status_code >= 500:
        return  # a known finding, shown as xfail by test_pages_survive_edge_values
    check(
        harness,
        response,
        persona=persona,
        wrong=wrong,
        changed=changed,
        foreign_before=before,
        foreign_after=after,
    )


@pytest.mark.parametrize("role", ["right", "wrong"])
@pytest.mark.parametrize("name", FORMS)
def test_forms_survive_anything(harness, name, role):
    row = authz_table.ROWS[name]
    right, wrong = _personas(name)
    url = own_url(harness, name)
    template = harness.world.sides["own"].payload(row.get("post", {}))
    names = form_fields(harness, name, right, url, template)
    if not names:
        pytest.skip(f"{name} posts no fields")
    personas = [right] if role == "right" else wrong

    @FUZZ
    @given(st.data(), st.sampled_from(personas))
    def run(data, persona):
        fuzz(
            harness,
            data.draw,
            name=name,
            fields=names,
            template=template,
            persona=persona,
            wrong=role == "wrong",
            method="POST",
            url=url,
        )

    run()


@pytest.mark.parametrize("name", READ_PAGES)
def test_pages_survive_any_query(harness, name):
    """Every page's GET forms (search, filters, paging, the version to print) and htmx partials."""
    persona = next(
        (p for p, cell in _cells(authz_table.ROWS[name], "GET").items() if cell == "200"), None
    )
    url = own_url(harness, name)
    names = page_fields(harness, persona, url, "get") + ["page"] + EXTRA_QUERY.get(name, [])

    @settings(FUZZ, max_examples=3)
    @given(st.data())
    def run(data):
        fuzz(
            harness,
            data.draw,
            name=name,
            fields=names,
            template={},
            persona=persona,
            wrong=True,  # a GET never writes
            method="GET",
            url=url,
        )

    run()


EDGES = ["²", "๑๒", "-1", "\x00", SCRIPT, "9" * 40, "1.5", "' OR 1=1 --", "ก" * 5000]


@pytest.mark.parametrize("name", READ_PAGES)
def test_pages_survive_edge_values(harness, name):
    """Each query parameter of each page alone, set to each edge value: never a 500, no markup."""
    persona = next(
        (p for p, cell in _cells(authz_table.ROWS[name], "GET").items() if cell == "200"), None
    )
    url = own_url(harness, name)
    names = page_fields(harness, persona, url, "get") + EXTRA_QUERY.get(name, [])
    failures, known = [], []
    for param in names:
        for value in EDGES:
            response, changed, _ = harness.send(persona, "GET", url, {param: value})
            body = response.content.decode(errors="replace")
            broken = (
                response.status_code >= 500
                or changed
                or ("html" in response.get("Content-Type", "") and SCRIPT in body)
            )
            if broken:
                line = f"GET {url}?{param}={value[:20]!r} as {persona}: {response.status_code}"
                reason = KNOWN.get((name, param, value))
                (known if reason else failures).append(f"{line} ({reason})" if reason else line)
    assert not failures, "\n".join(failures)
    if known:
        pytest.xfail("known, tracked: " + "; ".join(known))


FORM_EDGES = ["²", "\x00", SCRIPT]  # huge numbers and the rest: the hypothesis runs above


@pytest.mark.parametrize("name", FORMS)
def test_forms_survive_edge_values(harness, name):
    """Each field of each form alone, set to each edge value, as the right persona."""
    right, _ = _personas(name)
    url = own_url(harness, name)
    template = harness.world.sides["own"].payload(authz_table.ROWS[name].get("post", {}))
    names = form_fields(harness, name, right, url, template)
    foreign_ids = harness.world.sides["foreign"].ids
    before = side_fingerprint(foreign_ids)
    failures = []
    for field in names:
        for value in FORM_EDGES:
            body = template | {field: value}
            response, _, after = harness.send(
                right, "POST", url, body, inspect=lambda: side_fingerprint(foreign_ids), watch=False
            )
            try:
                check(
                    harness,
                    response,
                    persona=right,
                    wrong=False,
                    changed=[],
                    foreign_before=before,
                    foreign_after=after,
                )
            except AssertionError as error:
                failures.append(f"{field}={value[:20]!r}: {error}")
    assert not failures, "\n".join(failures)


# Fields that may name the other region's object, and why: they grant nothing there.
FOREIGN_ALLOWED = {
    ("mentors:mentor_create", "home_province"): "where the mentor lives, not where they work",
    ("mentors:mentor_edit", "home_province"): "where the mentor lives, not where they work",
    ("mentors:mentor_edit", "phone"): "on edit the phone is a contact number, not a sign-in name",
}


@pytest.mark.parametrize("name", FORMS)
def test_forms_refuse_the_other_regions_ids(harness, name):
    """Each field that names an object, given group B's object instead, as A's right persona:
    refused, so nothing changes at all (FOREIGN_ALLOWED: nothing of B's changes)."""
    right, _ = _personas(name)
    url = own_url(harness, name)
    template = authz_table.ROWS[name].get("post", {})
    own, foreign = harness.world.sides["own"], harness.world.sides["foreign"]
    body = own.payload(template)
    fields = [
        f for f in template if own.payload({f: template[f]}) != foreign.payload({f: template[f]})
    ]
    before = side_fingerprint(foreign.ids)
    failures = []
    for field in fields:
        response, changed, after = harness.send(
            right,
            "POST",
            url,
            body | foreign.payload({field: template[field]}),
            inspect=lambda: side_fingerprint(foreign.ids),
        )
        allowed = (name, field) in FOREIGN_ALLOWED
        if response.status_code >= 500 or after != before or (changed and not allowed):
            answer = harness.answer(response, changed)
            failures.append(f"POST {url} {field}=<group B's> as {right}: {answer} {changed}")
    assert not failures, "\n".join(failures)
