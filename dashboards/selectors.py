"""Reads of the dashboards: live figures of an area, for the area and for each part of it.

Every figure is one aggregate query. Canvases and decisions are read from the
summary rows (canvases.GroupTally, MonthTally, DecisionTally) that the canvases'
services rewrite in the same transaction as each change of state, so they are
right the moment a canvas is approved; the rest is counted from its own table. A page runs the same
queries whatever the number of groups: once for the area's total and once
grouped by the areas of its table.
"""

import datetime
import functools
from dataclasses import dataclass, field, replace

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import (
    Aggregate,
    Count,
    F,
    FloatField,
    Func,
    IntegerField,
    Min,
    OuterRef,
    Q,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from canvases.blocks import BLOCKS
from canvases.models import (
    Canvas,
    CanvasEvent,
    CanvasStatus,
    CanvasVersion,
    CommentThread,
    DecisionTally,
    EventKind,
    GroupTally,
    MonthTally,
)
from cbmc_portal.fiscal import BANGKOK
from communities.models import CommunityGroup, District, Membership, Province, Region, Tambon
from dashboards.models import FiscalTarget
from dashboards.scope import Level, Scope
from mentors.models import Assignment, Cohort, FollowUp

FOLLOW_UP_DAYS = 90
MONTHS_SHOWN = 24
# The scorecard: tambons reached against what the target asks by today.
ON_TRACK_AT = 0.9
BEHIND_AT = 0.6
DECISIONS = (EventKind.APPROVED, EventKind.CHANGES_REQUESTED)
STATES = [status.value for status in CanvasStatus]


def home_memberships(user) -> list[Membership]:
    """The user's groups, with their place and `plans` (`home_plans`), for the home page.

    Two queries whatever the number of groups and plans."""
    memberships = list(
        Membership.objects.filter(user=user).select_related("group__tambon").order_by("group__name")
    )
    if not memberships:
        return []  # a mentor's home, say: no plans to read, nor their query to build
    plans = {}
    for plan in home_plans([membership.group_id for membership in memberships]):
        plans.setdefault(plan.group_id, []).append(plan)
    for membership in memberships:
        membership.plans = plans.get(membership.group_id, [])
    return memberships


@functools.cache
def _plans_with_next_steps():
    """Plans with what the home page says of their next step, built once per process and
    filtered per request (each filter is a copy): resolving the two subqueries took half
    of every home page's plans, 0.9 ms of 2."""
    open_blocks = (
        CommentThread.objects.filter(canvas=OuterRef("pk"), resolved_at__isnull=True)
        .order_by()
        .values("canvas")
        .annotate(n=Count("block_key", distinct=True))
        .values("n")
    )
    approved_at = (
        CanvasEvent.objects.filter(canvas=OuterRef("pk"), kind=EventKind.APPROVED)
        .order_by("-at")
        .values("at")[:1]
    )
    return (
        Canvas.objects.only("pk", "group_id", "title", "status", "filled_blocks")
        .annotate(
            open_blocks=Coalesce(Subquery(open_blocks, output_field=IntegerField()), 0),
            approved_at=Subquery(approved_at),
        )
        .order_by("title", "pk")
    )


def home_plans(group_ids):
    """The plans of these groups, with what the home page says of their next step:
    `open_blocks` (blocks with an open comment thread, for changes requested),
    `approved_at` (the latest approval) and `blocks_total`."""
    plans = list(_plans_with_next_steps().filter(group_id__in=group_ids))
    for plan in plans:
        plan.blocks_total = len(BLOCKS)
    return plans


def regions() -> list[Region]:
    return list(Region.objects.all())


def provinces_for_filter(viewer, region):
    """The province filter's choices: the region's, a mentor's groups', or all 77."""
    provinces = Province.objects.current().order_by("name_th")
    if viewer.is_mentor:
        return provinces.filter(
            code__in=CommunityGroup.objects.filter(id__in=viewer.group_ids).values(
                "tambon__province_id"
            )
        )
    if region:
        return provinces.filter(region=region)
    return provinces


class Percentile(Aggregate):
    """PostgreSQL's `percentile_cont` (core SQL, no extension needed)."""

    function = "PERCENTILE_CONT"
    name = "Percentile"
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()

    def __init__(self, expression, fraction: float, **extra):
        super().__init__(expression, fraction=float(fraction), **extra)


def _days_between(later: str, earlier: str):
    return Func(
        F(later) - F(earlier),
        template="EXTRACT(EPOCH FROM %(expressions)s) / 86400.0",
        output_field=FloatField(),
    )


def _grouped(queryset, key: str | None, **aggregates) -> dict:
    """{area key: {figure: value}}; one aggregate row under None when `key` is None."""
    queryset = queryset.order_by()
    if key is None:
        return {None: queryset.aggregate(**aggregates)}
    return {row.pop(key): row for row in queryset.values(key).annotate(**aggregates)}


@dataclass
class Figures:
    """The figures of one area (a row of the table, or the page's total)."""

    key: object = None
    name: str = ""
    url: str = ""
    groups: int = 0
    tambons: int = 0
    tambons_total: int | None = None
    draft: int = 0
    submitted: int = 0
    changes_requested: int = 0
    approved: int = 0
    decisions: int = 0
    median_days: float | None = None
    p90_days: float | None = None
    oldest_waiting_at: datetime.datetime | None = None
    mentors: int = 0
    groups_with_mentor: int = 0
    follow_ups: int = 0
    approved_tambons: int = 0
    target: float | None = None
    target_is_set: bool = False
    expected_share: float = 0.0
    extra: dict = field(default_factory=dict)

    @property
    def canvases(self) -> int:
        return self.draft + self.submitted + self.changes_requested + self.approved

    @property
    def approved_share(self) -> float | None:
        return self.approved / self.canvases if self.canvases else None

    @property
    def groups_without_mentor(self) -> int:
        return self.groups - self.groups_with_mentor

    @property
    def oldest_waiting_days(self) -> int | None:
        if self.oldest_waiting_at is None:
            return None
        return (timezone.localdate() - timezone.localdate(self.oldest_waiting_at)).days

    @property
    def target_share(self) -> float | None:
        return self.approved_tambons / self.target if self.target else None

    @property
    def scorecard(self) -> str | None:
        """on_track / behind / far_behind against the share of the target due by today."""
        if not self.target:
            return None
        due = self.target * self.expected_share
        if due < 1 or self.approved_tambons >= ON_TRACK_AT * due:
            return "on_track"
        if self.approved_tambons >= BEHIND_AT * due:
            return "behind"
        return "far_behind"

    def value(self, column: str):
        return getattr(self, column)


TOTAL = "total"


def _grouping_sets_sql(sql: str, columns: list[str]) -> str:
    """A grouped query's GROUP BY rewritten as GROUPING SETS of `columns` and the total,
    with GROUPING() of the columns selected first."""
    head, _grouped_by = sql.rsplit(" GROUP BY ", 1)
    if not head.startswith("SELECT "):
        raise ValueError(f"unexpected grouped query: {sql}")
    sets = ", ".join(f"({column})" for column in columns)
    return (
        f"SELECT GROUPING({', '.join(columns)}), {head[len('SELECT ') :]}"
        f" GROUP BY GROUPING SETS ({sets}, ())"
    )


def _read_grouping_sets(sql: str, params, levels: int, names: list[str]) -> dict:
    """Run a query of `_grouping_sets_sql` with `levels` grouped columns then `names`."""
    out = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for grouping, *row in cursor.fetchall():
            keys, values = row[:levels], dict(zip(names, row[levels:], strict=True))
            # GROUPING() sets a bit per column left out of the row's grouping set.
            if grouping == (1 << levels) - 1:
                out[(TOTAL, None)] = values
                continue
            index = next(i for i in range(levels) if not grouping & (1 << (levels - 1 - i)))
            out[(index, keys[index])] = values
    return out


def _grouped_sets(queryset, lookups: list[str], **aggregates) -> dict:
    """One aggregate query for the total and for each grouping in `lookups` at once.

    {(TOTAL, None): figures, (0, key of lookups[0]): figures, (1, …): …}. PostgreSQL's
    GROUPING SETS reads the rows once for every level of the page (the country's
    total, its regions and its provinces) instead of once per level; Django has no
    GROUPING SETS, so the grouped query it compiles gets its GROUP BY rewritten.
    """
    queryset = queryset.order_by()
    if not lookups:
        return {(TOTAL, None): queryset.aggregate(**aggregates)}
    query = queryset.values(*lookups).annotate(**aggregates).query
    compiler = query.get_compiler(connection=connection)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:
        # Nothing can match (a mentor with no groups): every figure is zero.
        return {}
    # The grouped columns are selected first (values() before the aggregates).
    columns = [compiled for _expression, (compiled, _params), _alias in compiler.select]
    columns = columns[: len(lookups)]
    return _read_grouping_sets(
        _grouping_sets_sql(sql, columns), params, len(lookups), list(aggregates)
    )


# A group's place on the groups counted per tambon (`_group_counts`).
_TAMBON_PLACE = {
    "tambon__province__region_id": "p.region_id",
    "tambon__province_id": "t.province_id",
    "tambon__district_id": "t.district_id",
    "tambon_id": "t.code",
}


def _group_counts(groups, lookups: list[str], *, per_tambon: bool) -> dict:
    """Groups and tambons with a group, for the total and each grouping in `lookups`.

    `per_tambon` (the whole country's groups): the groups are counted per tambon first,
    so the areas are found for 7,436 tambons instead of 20,000 groups, and a tambon is
    counted once without a COUNT(DISTINCT) sorting every group per area (40 → 10 ms at
    national scale). A region's groups are fewer and already joined to their tambons to
    be chosen: there the plain query is as fast."""
    if not per_tambon or not all(lookup in _TAMBON_PLACE for lookup in lookups):
        return _grouped_sets(
            groups, lookups, groups=Count("id"), tambons=Count("tambon_id", distinct=True)
        )
    counted = groups.order_by().values("tambon_id").annotate(n=Count("id"))
    try:
        inner, params = counted.query.sql_with_params()
    except EmptyResultSet:
        return {}
    columns = [_TAMBON_PLACE[lookup] for lookup in lookups]
    sql = (
        f"SELECT {', '.join(columns)}, SUM(counted.n)::bigint, COUNT(*)"
        f" FROM ({inner}) AS counted"
        " JOIN communities_tambon t ON t.code = counted.tambon_id"
        " JOIN communities_province p ON p.code = t.province_id"
        f" GROUP BY {', '.join(columns)}"
    )
    return _read_grouping_sets(
        _grouping_sets_sql(sql, columns), params, len(lookups), ["groups", "tambons"]
    )


# The figures each map figure is made of (any other map figure is counted as itself).
MAP_FIGURE_SOURCES = {
    "approved_share": {"draft", "submitted", "changes_requested", "approved"},
    "target_share": {"approved_tambons"},
    "groups_without_mentor": {"groups", "groups_with_mentor"},
}


# The figures of the year's decisions counted with their waits.
DECISION_FIGURES = frozenset({"decisions", "median_days", "p90_days"})


def _figures(scope: Scope, levels: list, map_figures: frozenset = frozenset()) -> dict:
    """Every live figure for the page's total and each grouping: `levels` are functions
    of a lookup path to a group giving the lookup of the area to group by. Six queries.

    A second level (the country's provinces, for its map) is counted only by the queries
    giving `map_figures`, the figures the map shows: each level more is one more sort of
    every row the query reads.
    """
    fy = scope.fiscal_year
    out: dict = {}

    def merge(path, queryset, placed=False, **aggregates):
        used = levels if map_figures & aggregates.keys() else levels[:1]
        lookups = [level(path, placed) for level in used]
        for key, values in _grouped_sets(queryset, lookups, **aggregates).items():
            out.setdefault(key, {}).update(values)

    used = levels if map_figures & {"groups", "tambons"} else levels[:1]
    counted = _group_counts(
        CommunityGroup.objects.filter(scope.q()),
        [level("", False) for level in used],
        per_tambon=scope.area is None,
    )
    for key, values in counted.items():
        out.setdefault(key, {}).update(values)
    # Canvases and decisions from the summary rows their services keep (canvases.tallies).
    merge(
        "group__",
        GroupTally.objects.filter(scope.q("group__", placed=True)),
        placed=True,
        **{state: Sum(state) for state in STATES},
        oldest_waiting_at=Min("waiting_since"),
    )
    decisions = DecisionTally.objects.filter(
        scope.q("group__", placed=True), decided_at__gte=fy.starts_at, decided_at__lt=fy.ends_at
    )
    waits = {
        "decisions": Count("*"),
        "median_days": Percentile("waited_days", 0.5),
        "p90_days": Percentile("waited_days", 0.9),
    }
    if map_figures.isdisjoint(DECISION_FIGURES) and "approved_tambons" in map_figures:
        # Apart, so a map of approved tambons does not sort every decision once more.
        merge("group__", decisions, placed=True, **waits)
        merge(
            "group__",
            decisions.filter(approved=True),
            placed=True,
            approved_tambons=Count("tambon_id", distinct=True),
        )
    else:
        # One read of the year's decisions for both (a region's: 20 → 7 ms).
        merge(
            "group__",
            decisions,
            placed=True,
            **waits,
            approved_tambons=Count("tambon_id", distinct=True, filter=Q(approved=True)),
        )
    merge(
        "group__",
        Assignment.objects.active().filter(scope.q("group__")),
        mentors=Count("mentor_id", distinct=True),
        groups_with_mentor=Count("group_id", distinct=True),
    )
    since = timezone.localdate() - datetime.timedelta(days=FOLLOW_UP_DAYS)
    merge(
        "group__",
        FollowUp.objects.filter(scope.q("group__"), happened_on__gte=since),
        follow_ups=Count("id"),
    )
    return out


def _fill(figures: Figures, values: dict) -> Figures:
    for name, value in values.items():
        if value is not None:
            setattr(figures, name, value)
    return figures


@dataclass
class Dashboard:
    scope: Scope
    total: Figures
    rows: list[Figures]
    cohorts: int = 0
    people_trained: int = 0
    oldest_waiting: CanvasVersion | None = None
    country_target_is_sum: bool = False
    # The country page's figures per province (for its map), by province code.
    by_province: dict = field(default_factory=dict)
    # The year's targets, {region id (None: country): tambons}.
    targets: dict = field(default_factory=dict)


def _child_areas(scope: Scope, keys) -> list:
    """The areas of the table: all of the parent's, plus any other holding counted groups
    (an abolished tambon, a mentor's groups spread over provinces)."""
    level = scope.child_level
    if level == "group":
        return list(CommunityGroup.objects.filter(scope.q()).order_by("name"))
    if level == Level.REGION:
        return list(Region.objects.all())
    model = {Level.PROVINCE: Province, Level.DISTRICT: District, Level.TAMBON: Tambon}[level]
    if scope.viewer.is_mentor:
        parent = Q(pk__in=[])
    elif level == Level.PROVINCE and scope.region is None:
        parent = Q(abolished_on__isnull=True)
    elif level == Level.PROVINCE:
        parent = Q(region=scope.region, abolished_on__isnull=True)
    elif level == Level.DISTRICT:
        parent = Q(province=scope.province, abolished_on__isnull=True)
    else:
        parent = Q(district=scope.district, abolished_on__isnull=True)
    return list(model.objects.filter(parent | Q(pk__in=[k for k in keys if k is not None])))


def _tambon_counts(scope: Scope) -> dict:
    """Current tambons per child area (and None: of the area), from the geography."""
    level = scope.child_level
    if level in (Level.TAMBON, "group") or scope.viewer.is_mentor:
        return {}
    tambons = Tambon.objects.current()
    if level == Level.REGION:
        key = "province__region_id"
    elif level == Level.PROVINCE and scope.region is None:
        key = "province_id"
    elif level == Level.PROVINCE:
        tambons, key = tambons.filter(province__region=scope.region), "province_id"
    else:
        tambons, key = tambons.filter(province=scope.province), "district_id"
    counts = {
        row[key]: row["n"] for row in tambons.order_by().values(key).annotate(n=Count("code"))
    }
    counts[None] = sum(counts.values())
    return counts


def _region_tambons(scope: Scope) -> int | None:
    """Current tambons of the page's region, to share its target among smaller areas."""
    if scope.level in (Level.COUNTRY, Level.REGION) or scope.viewer.is_mentor:
        return None
    return Tambon.objects.current().filter(province__region_id=scope.region_id).count()


def cohorts_in_scope(scope: Scope):
    """The cohort chosen; else those of the region (or all), or, when the groups are
    narrowed (a province, a sector, a mentor's groups), the cohorts that trained any."""
    cohorts = Cohort.objects.all()
    if scope.filters.cohort_id:
        cohorts = cohorts.filter(pk=scope.filters.cohort_id)
    elif scope.narrows_groups:
        cohorts = cohorts.filter(
            pk__in=CommunityGroup.cohorts.through.objects.filter(
                scope.q("communitygroup__")
            ).values("cohort_id")
        )
    elif scope.region:
        cohorts = cohorts.filter(region=scope.region)
    return cohorts


def _cohorts(scope: Scope) -> dict:
    """Cohorts and people trained (the count recorded, else the trainees with accounts)."""
    cohorts = cohorts_in_scope(scope)
    trainees = (
        Cohort.trainees.through.objects.filter(cohort_id=OuterRef("pk"))
        .order_by()
        .values("cohort_id")
        .annotate(n=Count("user_id"))
        .values("n")
    )
    return cohorts.aggregate(
        cohorts=Count("id"),
        trained=Sum(Coalesce("trained_count", Subquery(trainees, output_field=IntegerField()), 0)),
    )


def _oldest_waiting(scope: Scope) -> CanvasVersion | None:
    """The submission waiting longest: that of the group whose tally waits longest."""
    longest_waiting_group = (
        GroupTally.objects.filter(scope.q("group__", placed=True), waiting_since__isnull=False)
        .order_by("waiting_since", "group_id")
        .values("group_id")[:1]
    )
    return (
        CanvasVersion.objects.filter(
            canvas__group_id=Subquery(longest_waiting_group),
            canvas__status=CanvasStatus.SUBMITTED,
            number=F("canvas__version_count"),
        )
        .select_related("canvas__group")
        .defer("blocks", "canvas__blocks")
        .order_by("submitted_at", "pk")
        .first()
    )


def _targets(scope: Scope) -> dict:
    """{region id (None: country): tambons} for the fiscal year."""
    if scope.viewer.is_mentor:
        return {}
    return dict(
        FiscalTarget.objects.filter(fiscal_year=scope.fiscal_year.year).values_list(
            "region_id", "tambons"
        )
    )


def _province_lookup(path: str, placed: bool) -> str:
    return "province_id" if placed else f"{path}tambon__province_id"


def dashboard(scope: Scope, *, map_figure: str = "", now=None) -> Dashboard:
    """The page's total and one row per child area, with targets shared out by tambons.

    On the country's page, `map_figure` (the figure its province map shows) is also
    counted per province, in the same queries."""
    levels = [scope.child_lookup]
    map_figures: frozenset = frozenset()
    if scope.level == Level.COUNTRY and scope.child_level == Level.REGION and map_figure:
        levels.append(
            lambda path, placed: "province_id" if placed else f"{path}tambon__province_id"
        )
        map_figures = frozenset(MAP_FIGURE_SOURCES.get(map_figure, {map_figure}))
    counted = _figures(scope, levels, map_figures)
    total = _fill(Figures(name=str(scope.area or "")), counted.get((TOTAL, None), {}))
    by_child = {key: values for (index, key), values in counted.items() if index == 0}
    areas = _child_areas(scope, by_child.keys())
    tambon_counts = _tambon_counts(scope)
    targets = _targets(scope)
    expected = scope.fiscal_year.elapsed_share(now)

    # The page's target: its own (country, region), or its region's shared by tambons.
    total.tambons_total = tambon_counts.get(None)
    country_target_is_sum = False
    if scope.viewer.is_mentor:
        pass
    elif scope.level == Level.COUNTRY:
        total.target = targets.get(None)
        if total.target is None and targets:
            total.target, country_target_is_sum = sum(targets.values()), True
        total.target_is_set = total.target is not None
    elif scope.level == Level.REGION:
        total.target = targets.get(scope.region.pk)
        total.target_is_set = total.target is not None
    else:
        region_target = targets.get(scope.region_id)
        region_tambons = _region_tambons(scope)
        area_tambons = total.tambons_total or (1 if scope.level == Level.TAMBON else 0)
        if region_target and region_tambons:
            total.target = region_target * area_tambons / region_tambons
    total.expected_share = expected

    rows = []
    for area in areas:
        figures = _fill(Figures(key=area.pk, name=str(area)), by_child.get(area.pk, {}))
        figures.tambons_total = tambon_counts.get(area.pk)
        if scope.child_level == Level.REGION and area.pk in targets:
            figures.target, figures.target_is_set = targets[area.pk], True
        elif total.target and figures.tambons_total and total.tambons_total:
            figures.target = total.target * figures.tambons_total / total.tambons_total
        figures.expected_share = expected
        figures.extra["area"] = area
        rows.append(figures)
    cohort_figures = _cohorts(scope)
    return Dashboard(
        scope=scope,
        total=total,
        rows=rows,
        cohorts=cohort_figures["cohorts"] or 0,
        people_trained=cohort_figures["trained"] or 0,
        oldest_waiting=_oldest_waiting(scope),
        country_target_is_sum=country_target_is_sum,
        targets=targets,
        by_province={key: values for (index, key), values in counted.items() if index == 1},
    )


def country_province_rows(data: Dashboard, *, now=None) -> list[Figures]:
    """Every province of the country with its figures, for the national map. Each takes
    its region's target (or the country's) shared by tambons. Two queries: the
    figures and the targets came with the country's."""
    scope, total, by_province = data.scope, data.total, data.by_province
    provinces_scope = replace(scope, table_level=Level.PROVINCE)
    provinces = _child_areas(provinces_scope, by_province.keys())
    tambon_counts = _tambon_counts(provinces_scope)
    targets = data.targets
    region_tambons: dict = {}
    for province in provinces:
        region_tambons[province.region_id] = region_tambons.get(
            province.region_id, 0
        ) + tambon_counts.get(province.pk, 0)
    expected = scope.fiscal_year.elapsed_share(now)
    rows = []
    for province in provinces:
        figures = _fill(
            Figures(key=province.pk, name=str(province)), by_province.get(province.pk, {})
        )
        tambons = tambon_counts.get(province.pk, 0)
        figures.tambons_total = tambons
        region_target = targets.get(province.region_id)
        if region_target and region_tambons.get(province.region_id):
            figures.target = region_target * tambons / region_tambons[province.region_id]
        elif total.target and tambon_counts.get(None):
            figures.target = total.target * tambons / tambon_counts[None]
        figures.expected_share = expected
        rows.append(figures)
    return rows


def sort_rows(rows: list[Figures], column: str, descending: bool) -> list[Figures]:
    """Rows by one column; areas without a value (no decision yet) always last."""
    if column == "name":
        return sorted(rows, key=lambda row: row.name, reverse=descending)
    present = [row for row in rows if row.value(column) is not None]
    missing = [row for row in rows if row.value(column) is None]
    present.sort(key=lambda row: (row.value(column), row.name), reverse=descending)
    return present + missing


def monthly_counts(scope: Scope, *, months: int = MONTHS_SHOWN, now=None) -> list[dict]:
    """Canvases submitted and approved per Bangkok month, the last `months` months, oldest
    first, months without any included. One query, over the groups' monthly tallies."""
    today = timezone.localtime(now or timezone.now(), BANGKOK).date()
    first = today.replace(day=1)
    for _ in range(months - 1):
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    counted = {
        row["month"]: row
        for row in MonthTally.objects.filter(scope.q("group__", placed=True), month__gte=first)
        .order_by()
        .values("month")
        .annotate(submitted=Sum("submitted"), approved=Sum("approved"))
    }
    rows = []
    day = first
    for _ in range(months):
        rows.append(
            {
                "month": day,
                "submitted": counted.get(day, {}).get("submitted", 0),
                "approved": counted.get(day, {}).get("approved", 0),
            }
        )
        day = (day + datetime.timedelta(days=32)).replace(day=1)
    return rows
