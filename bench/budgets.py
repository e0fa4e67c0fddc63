"""The benchmark's budgets, as ratios to the floor measured in the same run."""

PAGE_P95_MAX_RATIO = 5.0
AUTOSAVE_P95_MAX_RATIO = 3.0


def check_budgets(results: list[dict]) -> list[dict]:
    """Pass/fail per page: leader and mentor pages p95 ≤ 5× floor, autosave ≤ 3×, no errors."""
    budgets = []
    for row in results:
        if row["name"] == "floor":
            continue
        limit = AUTOSAVE_P95_MAX_RATIO if row["name"] == "autosave" else None
        if row.get("role") in {"leader", "mentor"} and limit is None:
            limit = PAGE_P95_MAX_RATIO
        ratio = row.get("ratio_p95")
        passed = row["errors"] == 0 and row["requests"] > 0
        if limit is not None:
            passed = passed and ratio is not None and ratio <= limit
        row["budget"] = ("PASS" if passed else "FAIL") + (
            f" (≤{limit}× floor p95)" if limit else " (no errors)"
        )
        budgets.append(
            {
                "page": row["name"],
                "limit_ratio_p95": limit,
                "ratio_p95": ratio,
                "errors": row["errors"],
                "passed": passed,
            }
        )
    return budgets
