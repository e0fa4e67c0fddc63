"""The budgets: p95 against the signed-in floor of the same run, and absolute."""

from bench.budgets import all_passed, check_budgets


def page(name, p95, signed_in_ratio=None, errors=0, requests=10):
    return {
        "name": name,
        "p95_ms": p95,
        "ratio_signed_in_p95": signed_in_ratio,
        "errors": errors,
        "requests": requests,
    }


def by_page(budgets):
    return {budget["page"]: budget for budget in budgets}


def test_a_leader_page_may_cost_twice_the_signed_in_floor():
    budgets = by_page(
        check_budgets(
            [
                page("floor", 1),
                page("signed-in floor", 8, 1.0),
                page("leader home", 16, 2.0),
                page("history", 17, 2.1),
            ],
            lighthouse={},
        )
    )
    assert "floor" not in budgets
    assert budgets["signed-in floor"]["passed"]
    assert budgets["leader home"]["passed"]
    assert budgets["history"]["verdict"] == "FAIL: p95 ≤ 2× signed-in floor"


def test_every_page_has_fifty_milliseconds_and_the_dashboards_their_own_limits():
    budgets = by_page(
        check_budgets(
            [
                page("canvas editor", 51, 2.5),
                page("dashboard (region)", 149),
                page("dashboard (country)", 301),
            ],
            lighthouse={},
        )
    )
    assert budgets["canvas editor"]["failed"] == ["p95 ≤ 50 ms"]
    assert budgets["dashboard (region)"]["passed"]
    assert budgets["dashboard (country)"]["failed"] == ["p95 ≤ 300 ms"]


def test_autosave_has_one_and_a_half_floors_and_an_error_fails_any_page():
    budgets = by_page(
        check_budgets([page("autosave", 10, 1.6), page("healthz", 2, errors=1)], lighthouse={})
    )
    assert budgets["autosave"]["failed"] == ["p95 ≤ 1.5× signed-in floor"]
    assert budgets["healthz"]["failed"] == ["no errors"]


def test_the_export_must_stream_without_error():
    export = {
        "name": "canvases CSV (country)",
        "errors": 0,
        "downloads": 3,
        "streamed": False,
        "ttfb_ms_max": 120.0,
        "total_ms_max": 900.0,
    }
    (budget,) = [b for b in check_budgets([], [export], lighthouse={}) if "CSV" in b["page"]]
    assert budget["failed"] == ["streamed"]
    assert (budget["ttfb_ms"], budget["total_ms"]) == (120.0, 900.0)


def test_lighthouse_on_the_regional_dashboard_or_said_to_be_skipped():
    scored = by_page(
        check_budgets(
            [], lighthouse={"dashboard (region)": {"performance": 96, "accessibility": 98}}
        )
    )
    assert scored["lighthouse dashboard (region)"]["failed"] == ["accessibility ≥ 100"]
    skipped = check_budgets([page("leader home", 5, 1.0)], lighthouse=None)
    assert by_page(skipped)["lighthouse dashboard (region)"]["verdict"] == "SKIPPED"
    assert all_passed(skipped)  # a skipped budget is neither passed nor failed


def test_lighthouse_on_the_editor_and_the_review_page_asks_98():
    scores = {
        "canvas editor": {"performance": 99},
        "review page": {"performance": 90},
        "dashboard (region)": {"performance": 100, "accessibility": 100},
    }
    scored = by_page(check_budgets([], lighthouse=scores))
    assert scored["lighthouse canvas editor"]["verdict"] == "PASS"
    assert scored["lighthouse review page"]["failed"] == ["performance ≥ 98"]
    skipped = by_page(check_budgets([], lighthouse=None))
    assert skipped["lighthouse review page"]["verdict"] == "SKIPPED"
