"""The authorization table: every URL the project resolves, for every persona, own and foreign.

Each URL pattern is asked with GET and POST by each persona of the scenario
(tests/security/scenario.py), once with group A's objects ("own") and once
with group B's ("foreign"), and where a URL names two objects, once with
A's first object and B's second ("mixed"). The answer and whether the
watched tables changed are compared with tests/security/authz_table.py. A URL
without a row fails, printing the row to add with the answers seen today.
"""

import json

import pytest
from django.urls import reverse

from tests.security import authz_table
from tests.security.scenario import PERSONAS
from tests.security.urlwalk import patterns

# Marked so that pytest-django sets the test database up; each test then runs in a
# savepoint inside the module's scenario, and each request in a savepoint of its own.
pytestmark = pytest.mark.django_db

PATTERNS = patterns(authz_table.SKIPPED)
ROW_KEYS = {"kwargs", "post"}
TOKENS = {"200", "302", "400", "401", "403", "404", "405", "409", "login"}


# Route arguments that name no object of a side (the same value on both sides).
CONSTANTS = {"version_number", "block_key", "figure", "extension", "level", "plan_kind"}


def variants(kwargs: dict) -> list[str]:
    """Which objects a URL is asked about: none, or own and foreign (and mixed for two objects)."""
    objects = [name for name in kwargs.values() if name not in CONSTANTS]
    if not objects:
        return [""]
    return ["own", "foreign", "mixed"] if len(objects) > 1 else ["own", "foreign"]


def url_for(harness, pattern, kwargs: dict, variant: str) -> str:
    sides = harness.world.sides
    values = {}
    for index, (arg, name) in enumerate(kwargs.items()):
        side = "own" if variant == "own" or (variant == "mixed" and index == 0) else "foreign"
        values[arg] = sides[side if variant else "own"].ids[name]
    return reverse(pattern.name, kwargs=values)


def observe(harness, pattern, row) -> dict:
    """{"GET own": "login 200 ...", ...}: the answers of today, in the table's format."""
    kwargs = row.get("kwargs", {})
    seen, details = {}, {}
    for variant in variants(kwargs):
        url = url_for(harness, pattern, kwargs, variant)
        side = harness.world.sides["foreign" if variant == "foreign" else "own"]
        data = side.payload(row.get("post", {}))
        for method in ("GET", "POST"):
            key = f"{method} {variant}".strip()
            answers = []
            for persona in PERSONAS:
                response, changed, _ = harness.send(persona, method, url, data)
                answers.append(harness.answer(response, changed))
                if changed:
                    details[f"{key} {persona}"] = changed
            seen[key] = " ".join(answers)
    return seen, details


def render_row(pattern, row, seen) -> str:
    """The row as it would be written into authz_table.py, aligned under the header."""
    lines = [f'    "{pattern.name}": {{  # /{pattern.route}']
    lines.append(f'        "kwargs": {json.dumps(row.get("kwargs", {}), ensure_ascii=False)},')
    if row.get("post"):
        lines.append(f'        "post": {json.dumps(row["post"], ensure_ascii=False)},')
    lines.append(f"        # {'':<16}{authz_table.HEADER}")
    for key, answers in seen.items():
        cells = "".join(f"{cell:<7}" for cell in answers.split()).rstrip()
        label = f'"{key}":'
        lines.append(f'        {label:<17}"{cells}",')
    lines.append("    },")
    return "\n".join(lines)


def differences(expected: dict, seen: dict) -> str:
    """One line per cell that changed: "POST own staff_s: table 404, today 302+"."""
    lines = []
    for key in sorted(set(expected) | set(seen)):
        want = expected.get(key, "").split() or ["-"] * len(PERSONAS)
        got = seen.get(key, "").split() or ["-"] * len(PERSONAS)
        for persona, a, b in zip(PERSONAS, want, got, strict=True):
            if a != b:
                lines.append(f"  {key} {persona}: table {a}, today {b}")
    return "\n".join(lines)


def kwargs_guess(pattern) -> dict:
    """A new row's kwargs: the scenario object each argument most likely names."""
    guess = {"group_pk": "group", "thread_pk": "thread", "comment_pk": "comment"}
    guess |= {"user_pk": "newcomer", "number": "version_number", "key": "block_key"}
    guess |= {"change_pk": "block_change", "invitation_pk": "invitation", "code": "province_code"}
    guess |= {"uidb64": "uidb64", "token": "token", "pk": _pk_guess(pattern.name)}
    return {arg: guess.get(arg, "?") for arg in pattern.kwargs}


def _pk_guess(name: str) -> str:
    app, _, view = name.partition(":")
    words = ("invitation", "cohort", "assignment", "notification", "follow_up", "group", "mentor")
    for word in words:
        if word in view:
            return word
    if view == "autosave" or view.startswith("block_"):
        return "draft"  # a draft, so a save by whoever has the right succeeds
    apps = {"accounts": "newcomer", "canvases": "canvas", "communities": "group"}
    return apps.get(app, "mentor" if app == "mentors" else "?")


def test_every_url_has_a_row():
    missing = [p for p in PATTERNS if p.name not in authz_table.ROWS]
    names = "\n".join(f"  {p.name}  (/{p.route})" for p in missing)
    assert not missing, (
        f"URL patterns without a row in tests/security/authz_table.py:\n{names}\n"
        "test_answers_match_the_table[<name>] prints each row to add, with today's answers."
    )


def test_no_row_for_a_url_that_is_gone():
    names = {p.name for p in PATTERNS}
    assert sorted(set(authz_table.ROWS) - names) == []


@pytest.mark.parametrize("pattern", PATTERNS, ids=[p.name for p in PATTERNS])
def test_answers_match_the_table(harness, pattern):
    row = authz_table.ROWS.get(pattern.name)
    if row is None:
        row = {"kwargs": kwargs_guess(pattern)}
        if "?" in row["kwargs"].values():
            pytest.fail(
                f"{pattern.name} has no row. Add, naming the scenario object of each argument:\n"
                f"{render_row(pattern, row, {})}"
            )
        seen, _ = observe(harness, pattern, row)
        pytest.fail(
            f"{pattern.name} has no row. The row to add to tests/security/authz_table.py, with "
            f"today's answers (check each: outsiders 404, insiders without the right 403, a "
            f'refused request writes nothing; add a "post" body that succeeds for whoever has '
            f"the right):\n{render_row(pattern, row, seen)}"
        )
    if any(value == "?" for value in row.get("kwargs", {}).values()):
        pytest.fail(f"{pattern.name}: name the object of each argument in its kwargs")
    seen, details = observe(harness, pattern, row)
    expected = {key: " ".join(value.split()) for key, value in row.items() if key not in ROW_KEYS}
    if seen != expected:
        changes = "\n".join(f"  {key}: {tables}" for key, tables in details.items())
        pytest.fail(
            f"{pattern.name} answers differently from its row:\n{differences(expected, seen)}\n"
            f"Today's answers, as a row:\n"
            f"{render_row(pattern, row, seen)}\n"
            f"(columns: {' '.join(PERSONAS)}; '+' = the watched tables changed)\n"
            f"tables changed:\n{changes or '  none'}"
        )


def test_the_table_is_coherent():
    """Cells hold known answers; only allowed answers write; a GET writes only where said."""
    for name, row in authz_table.ROWS.items():
        for key, value in row.items():
            if key in ROW_KEYS:
                continue
            cells = value.split()
            assert len(cells) == len(PERSONAS), f"{name} {key}: {len(cells)} cells"
            for persona, cell in zip(PERSONAS, cells, strict=True):
                answer = cell.rstrip("+")
                assert answer in TOKENS, f"{name} {key} {persona}: {cell} (a 500 is never right)"
                if cell.endswith("+"):
                    assert answer in {"200", "302"}, f"{name} {key} {persona}: refused yet wrote"
                    assert persona != "anon", f"{name} {key}: an anonymous request wrote"
                    if key.startswith("GET"):
                        assert name in authz_table.GET_WRITES, f"{name} {key}: a GET that writes"
