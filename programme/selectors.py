"""Reads of a group's programme: each a fixed number of queries whatever the data."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from canvases.models import CanvasEvent, EventKind
from communities.models import CommunityGroup
from programme.models import (
    AREA_HINTS,
    FIRST_STAGE,
    STAGE_ORDER,
    Area,
    GroupStage,
    PlanItem,
    Result,
    Stage,
    StageMove,
)
from programme.periods import Period

STAGE_HISTORY_SHOWN = 20
CHART_PERIODS = 8


def current_stage(group: CommunityGroup) -> str:
    """The group's stage now (the first step until someone moves it). One query."""
    stage = GroupStage.objects.filter(group=group).values_list("stage", flat=True).first()
    return stage or FIRST_STAGE


def stage_steps(stage: str) -> list[dict]:
    """Every step with whether it is behind the group, where it stands, or ahead."""
    at = STAGE_ORDER.index(stage)
    labels = dict(Stage.choices)
    return [
        {
            "number": index + 1,
            "value": value,
            "label": labels[value],
            "state": "done" if index < at else "current" if index == at else "ahead",
        }
        for index, value in enumerate(STAGE_ORDER)
    ]


def stage_history(group: CommunityGroup, limit: int = STAGE_HISTORY_SHOWN) -> list[StageMove]:
    return list(StageMove.objects.filter(group=group).select_related("by")[:limit])


def result_for_period(group: CommunityGroup, period: Period) -> Result | None:
    return Result.objects.filter(
        group=group, fiscal_year=period.fiscal_year, quarter=period.quarter
    ).first()


def first_approval_at(group: CommunityGroup):
    """When the group's first canvas was first approved, or None."""
    return (
        CanvasEvent.objects.filter(canvas__group=group, kind=EventKind.APPROVED)
        .order_by("at")
        .values_list("at", flat=True)
        .first()
    )


@dataclass
class Bar:
    x: float
    y: float
    height: float
    value: Decimal


@dataclass
class ChartColumn:
    label: str
    income: Bar
    costs: Bar
    x_label: float


@dataclass
class Chart:
    title: str
    columns: list[ChartColumn] = field(default_factory=list)
    width: int = 340
    height: int = 220
    plot_top: int = 20
    plot_bottom: int = 180
    divider_x: float | None = None  # where "before" ends and "after" begins
    top_value: Decimal = Decimal(0)
    bar_width: float = 0


def _bar(chart: Chart, value: Decimal, top: Decimal, x: float) -> Bar:
    height = round(float(value / top) * (chart.plot_bottom - chart.plot_top), 1)
    return Bar(x=round(x, 1), y=round(chart.plot_bottom - height, 1), height=height, value=value)


def _chart(title: str, rows: list[Result], approved_on) -> Chart | None:
    """Income and costs per period as bars, scaled to the largest figure."""
    rows = rows[-CHART_PERIODS:]
    if not rows:
        return None
    chart = Chart(title=title)
    top = max(max(row.income, row.costs) for row in rows) or Decimal(1)
    chart.top_value = top
    slot = (chart.width - 20) / len(rows)
    bar = min(slot * 0.35, 28)
    for index, row in enumerate(rows):
        left = 10 + index * slot + (slot - 2 * bar) / 2
        chart.columns.append(
            ChartColumn(
                label=row.period.short_label,
                income=_bar(chart, row.income, top, left),
                costs=_bar(chart, row.costs, top, left + bar),
                x_label=round(left + bar, 1),
            )
        )
        if approved_on and chart.divider_x is None and row.period.ends_on >= approved_on:
            chart.divider_x = round(10 + index * slot, 1)
    chart.bar_width = round(bar, 1)
    return chart


def _moment(row: Result, approved_on) -> str:
    if approved_on is None:
        return ""
    if row.period.ends_on < approved_on:
        return "before"
    if row.period.starts_on > approved_on:
        return "after"
    return "approved"


def results_overview(group: CommunityGroup) -> dict:
    """Every result of the group with its profit and its place before or after the group's
    first approved canvas, and a chart of quarters and one of years. Two queries."""
    rows = list(Result.objects.filter(group=group).select_related("confirmed_by"))
    approved_at = first_approval_at(group)
    approved_on = timezone.localtime(approved_at).date() if approved_at else None
    for row in rows:
        row.profit = row.income - row.costs
        row.moment = _moment(row, approved_on)
    quarters = [row for row in rows if not row.period.is_year]
    years = [row for row in rows if row.period.is_year]
    charts = [
        chart
        for chart in (
            _chart(_("รายได้และต้นทุนรายไตรมาส"), quarters, approved_on),
            _chart(_("รายได้และต้นทุนรายปี"), years, approved_on),
        )
        if chart
    ]
    return {"rows": rows, "approved_on": approved_on, "charts": charts}


def plan_by_area(group: CommunityGroup) -> list[dict]:
    """The four areas in order, each with its items. One query."""
    items = list(PlanItem.objects.filter(group=group))
    return [
        {
            "value": value,
            "label": label,
            "hint": AREA_HINTS[value],
            "items": [item for item in items if item.area == value],
        }
        for value, label in Area.choices
    ]


def plan_items(group: CommunityGroup):
    return PlanItem.objects.filter(group=group)


# Learning forums, for the dashboards ---------------------------------------------


def forum_counts_by_province(groups, fiscal_year: int) -> dict[str, dict[str, int]]:
    """{province code: {"forums": n, "participants": m}} of the forums held in the Buddhist-era
    `fiscal_year` at which at least one of `groups` (a queryset or ids) presented, by the
    province of the forum's tambon. A forum with several of the groups counts once. One query.
    """
    from django.db.models import Count, Sum

    from programme.models import Forum

    year = Period(fiscal_year, 0)
    presented = Forum.objects.filter(groups__in=groups).values("pk")
    rows = (
        Forum.objects.filter(
            pk__in=presented, held_on__gte=year.starts_on, held_on__lte=year.ends_on
        )
        .values("tambon__province_id")
        .annotate(forums=Count("pk"), participants=Sum("participants"))
        .order_by("tambon__province_id")
    )
    return {
        row["tambon__province_id"]: {"forums": row["forums"], "participants": row["participants"]}
        for row in rows
    }
