"""Reads of the programme page of the dashboards: what the groups' plans achieved in a
fiscal year, where the groups stand and how far their four-area plans went, per province
(and per region for the country).

How a group's year is counted (the page says the same):

- income and costs: its whole-year row (quarter 0) when it entered one, else the sum of
  the quarters it entered;
- members and households earning (people, not money: never added up over quarters):
  the whole-year row, else its latest quarter;
- reporting: any result entered for the year; confirmed: reporting, and every result
  of the year confirmed by a mentor;
- the change in income against the year before: only over the groups that reported
  both years, each year counted as above.

Learning forums: those held in the fiscal year where at least one of the groups
presented, counted once each in the province of the tambon where it was held, with
the participants recorded.

Four aggregate queries, each grouped by province (the results' one written in SQL:
Django has no window functions inside an aggregate), whatever the number of groups and
results, plus the provinces (and regions) named in the table: a group lies in one
province, so a region's and the page's totals are sums of the provinces'.
"""

from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count, F, Q
from django.utils.translation import gettext as _

from communities.models import CommunityGroup, Province, Region
from dashboards.scope import Level, Scope
from programme.models import STAGE_ORDER, Area, ItemStatus, PlanItem, Result, Stage
from programme.selectors import forum_counts_by_province

AREAS = tuple(Area.values)

MONEY = ("income", "costs", "compared_income", "compared_previous_income")
COUNTS = (
    "groups",
    "reporting",
    "unconfirmed",
    "members_earning",
    "households_earning",
    "compared",
    "forums",
    "forum_participants",
    *(f"stage_{stage}" for stage in STAGE_ORDER),
    *(f"plan_{area}" for area in AREAS),
    *(f"plan_{area}_done" for area in AREAS),
)


def columns() -> list[tuple[str, str]]:
    """(key, label) of the downloaded table's columns, in order; the page shows the same
    figures in three tables."""
    plan = []
    for area in Area:
        plan.append((f"plan_{area.value}", _("แผนด้าน%(area)s (รายการ)") % {"area": area.label}))
        plan.append((f"plan_{area.value}_done", _("แผนด้าน%(area)s (เสร็จ)") % {"area": area.label}))
    return [
        ("groups", _("กลุ่ม")),
        ("reporting", _("กลุ่มที่รายงานผล")),
        ("not_reporting", _("กลุ่มที่ยังไม่รายงานผล")),
        ("confirmed", _("กลุ่มที่พี่เลี้ยงยืนยันผลแล้ว")),
        ("income", _("รายได้ (บาท)")),
        ("costs", _("ต้นทุน (บาท)")),
        ("members_earning", _("สมาชิกที่มีรายได้ (คน)")),
        ("households_earning", _("ครัวเรือนที่มีรายได้")),
        ("compared", _("กลุ่มที่รายงานทั้งสองปี")),
        ("compared_previous_income", _("รายได้ปีก่อนของกลุ่มที่รายงานทั้งสองปี (บาท)")),
        ("compared_income", _("รายได้ปีนี้ของกลุ่มที่รายงานทั้งสองปี (บาท)")),
        ("income_change", _("รายได้เปลี่ยนจากปีก่อน (บาท)")),
        ("income_change_percent", _("รายได้เปลี่ยนจากปีก่อน (%)")),
        ("forums", _("เวทีแลกเปลี่ยนเรียนรู้")),
        ("forum_participants", _("ผู้เข้าร่วมเวที (คน)")),
        *((f"stage_{stage.value}", str(stage.label)) for stage in Stage),
        *plan,
    ]


@dataclass
class ProgrammeFigures:
    """The figures of one province, region, or the page's total."""

    key: object = None
    name: str = ""
    region_id: int | None = None
    counts: dict = field(default_factory=dict)
    # The row's own page and the lists behind its figures, set by the view.
    url: str = ""
    links: dict = field(default_factory=dict)

    def add(self, values: dict) -> None:
        for name, value in values.items():
            if value is not None:
                self.counts[name] = self.counts.get(name, 0) + value

    def value(self, column: str):
        if column == "name":
            return self.name
        if column in ("not_reporting", "confirmed", "income_change", "income_change_percent"):
            return getattr(self, column)
        default = Decimal(0) if column in MONEY else 0
        return self.counts.get(column, default)

    @property
    def not_reporting(self) -> int:
        return self.value("groups") - self.value("reporting")

    @property
    def confirmed(self) -> int:
        return self.value("reporting") - self.value("unconfirmed")

    @property
    def income_change(self) -> Decimal | None:
        """This year's income less last year's, over groups that reported both years."""
        if not self.value("compared"):
            return None
        return self.value("compared_income") - self.value("compared_previous_income")

    @property
    def income_change_percent(self) -> Decimal | None:
        """The change in percent of last year's income; None when last year's was zero."""
        previous = self.value("compared_previous_income")
        if self.income_change is None or not previous:
            return None
        return (self.income_change * 100 / previous).quantize(Decimal("0.1"))

    @property
    def stages(self) -> list[tuple[str, int]]:
        return [(stage, self.value(f"stage_{stage}")) for stage in STAGE_ORDER]

    @property
    def plan(self) -> list[tuple[str, int, int]]:
        return [
            (area, self.value(f"plan_{area}"), self.value(f"plan_{area}_done")) for area in AREAS
        ]


@dataclass
class ProgrammePage:
    scope: Scope
    total: ProgrammeFigures
    provinces: list[ProgrammeFigures]
    # Per region: only on the country's page of national staff.
    regions: list[ProgrammeFigures] = field(default_factory=list)


PROVINCE = "group__tambon__province_id"


def _grouped(queryset, key: str, **aggregates) -> dict:
    """{province code: {figure: value}}. The aggregates are named apart from the fields
    they sum (`income` is both), then given their figure's name back."""
    rows = (
        queryset.order_by()
        .values(key)
        .annotate(**{f"figure_{name}": aggregate for name, aggregate in aggregates.items()})
    )
    return {
        row[key]: {name: row[f"figure_{name}"] for name in aggregates}
        for row in rows
        if row[key] is not None
    }


# A group's year: money from its whole-year row, else the sum of its quarters; people from
# the whole-year row, else its latest quarter; confirmed when every row is. Then each
# group's two years side by side, then the provinces: grouped by numbers (a group's
# province is carried along, not sorted on: text codes sort slowly), no sort per figure
# (COUNT DISTINCT) and no lookup per row (EXISTS).
_RESULTS_SQL = """
SELECT province,
  SUM(income) FILTER (WHERE this_year),
  SUM(costs) FILTER (WHERE this_year),
  SUM(members_earning) FILTER (WHERE this_year),
  SUM(households_earning) FILTER (WHERE this_year),
  COUNT(*) FILTER (WHERE this_year),
  COUNT(*) FILTER (WHERE this_year AND NOT confirmed),
  COUNT(*) FILTER (WHERE this_year AND year_before),
  SUM(income) FILTER (WHERE this_year AND year_before),
  SUM(income_before) FILTER (WHERE this_year AND year_before)
FROM (
  SELECT min(province) AS province,
    bool_or(fiscal_year = %s) AS this_year,
    bool_or(fiscal_year <> %s) AS year_before,
    SUM(income) FILTER (WHERE fiscal_year = %s) AS income,
    SUM(income) FILTER (WHERE fiscal_year <> %s) AS income_before,
    SUM(costs) FILTER (WHERE fiscal_year = %s) AS costs,
    SUM(members_earning) FILTER (WHERE fiscal_year = %s) AS members_earning,
    SUM(households_earning) FILTER (WHERE fiscal_year = %s) AS households_earning,
    bool_and(confirmed) FILTER (WHERE fiscal_year = %s) AS confirmed
  FROM (
    SELECT min(province) AS province, group_id, fiscal_year,
      CASE WHEN bool_or(quarter = 0) THEN SUM(income) FILTER (WHERE quarter = 0)
        ELSE SUM(income) END AS income,
      CASE WHEN bool_or(quarter = 0) THEN SUM(costs) FILTER (WHERE quarter = 0)
        ELSE SUM(costs) END AS costs,
      (array_agg(members_earning ORDER BY quarter = 0 DESC, quarter DESC))[1]
        AS members_earning,
      (array_agg(households_earning ORDER BY quarter = 0 DESC, quarter DESC))[1]
        AS households_earning,
      bool_and(confirmed_at IS NOT NULL) AS confirmed
    FROM ({results}) period
    GROUP BY group_id, fiscal_year
  ) group_year
  GROUP BY group_id
) group_years
GROUP BY province
"""
_RESULTS_FIGURES = (
    "income",
    "costs",
    "members_earning",
    "households_earning",
    "reporting",
    "unconfirmed",
    "compared",
    "compared_income",
    "compared_previous_income",
)


def _results(scope: Scope) -> dict:
    """The results of the year and the year before, per province (one query)."""
    year = scope.fiscal_year.year
    results = (
        Result.objects.filter(scope.q("group__"), fiscal_year__in=(year, year - 1))
        .order_by()
        .values(
            "group_id",
            "fiscal_year",
            "quarter",
            "income",
            "costs",
            "members_earning",
            "households_earning",
            "confirmed_at",
            province=F("group__tambon__province_id"),
        )
    )
    try:
        sql, params = results.query.sql_with_params()
    except EmptyResultSet:
        # Nothing can match (a mentor with no groups).
        return {}
    with connection.cursor() as cursor:
        cursor.execute(_RESULTS_SQL.format(results=sql), (*[year] * 8, *params))
        return {
            province: dict(zip(_RESULTS_FIGURES, values, strict=True))
            for province, *values in cursor.fetchall()
            if province is not None
        }


def stage_condition(stage: str, path: str = "") -> Q:
    """Groups at `stage`; a group whose mentor never moved it stands at the first step."""
    condition = Q(**{f"{path}programme_stage__stage": stage})
    if stage == STAGE_ORDER[0]:
        condition |= Q(**{f"{path}programme_stage__isnull": True})
    return condition


def _groups(scope: Scope) -> dict:
    """Groups and groups per stage, per province (one query)."""
    return _grouped(
        CommunityGroup.objects.filter(scope.q()),
        "tambon__province_id",
        groups=Count("id"),
        **{f"stage_{stage}": Count("id", filter=stage_condition(stage)) for stage in STAGE_ORDER},
    )


def _plans(scope: Scope) -> dict:
    """Plan items per area, and those done, per province (one query)."""
    aggregates = {}
    for area in AREAS:
        aggregates[f"plan_{area}"] = Count("id", filter=Q(area=area))
        aggregates[f"plan_{area}_done"] = Count("id", filter=Q(area=area, status=ItemStatus.DONE))
    return _grouped(PlanItem.objects.filter(scope.q("group__")), PROVINCE, **aggregates)


def _forums(scope: Scope) -> dict:
    """Learning forums of the year where the scope's groups presented, and their
    participants, per province of the forum's tambon (one query). A forum lies in one
    province, so totals are sums of the provinces'."""
    groups = CommunityGroup.objects.filter(scope.q()).values("pk")
    return {
        province: {"forums": values["forums"], "forum_participants": values["participants"]}
        for province, values in forum_counts_by_province(groups, scope.fiscal_year.year).items()
        if province is not None
    }


def _provinces(scope: Scope, keys) -> list[Province]:
    """The table's provinces: the page's (a region's, or the country's) and any other
    holding counted groups; a mentor's only those of their groups."""
    if scope.province:
        shown = Q(pk=scope.province.pk)
    else:
        shown = Q(pk__in=list(keys))
        if not scope.viewer.is_mentor:
            current = Q(abolished_on__isnull=True)
            if scope.region:
                current &= Q(region=scope.region)
            shown |= current
    return list(Province.objects.filter(shown).order_by("name_th", "code"))


def programme_page(scope: Scope) -> ProgrammePage:
    """The page's total and one row per province (and per region on the country's page
    of national staff). Five or six queries whatever the data size."""
    counted: dict = {}
    for figures in (_groups(scope), _results(scope), _plans(scope), _forums(scope)):
        for key, values in figures.items():
            counted.setdefault(key, {}).update(values)
    total = ProgrammeFigures(name=_("รวม"))
    rows = []
    for province in _provinces(scope, counted.keys()):
        row = ProgrammeFigures(key=province.pk, name=str(province), region_id=province.region_id)
        row.add(counted.get(province.pk, {}))
        total.add(row.counts)
        rows.append(row)
    regions = []
    if scope.level == Level.COUNTRY and not scope.viewer.is_mentor:
        for region in Region.objects.order_by("pk"):
            row = ProgrammeFigures(key=region.slug, name=str(region), region_id=region.pk)
            for province_row in rows:
                if province_row.region_id == region.pk:
                    row.add(province_row.counts)
            regions.append(row)
    return ProgrammePage(scope=scope, total=total, provinces=rows, regions=regions)


def narrowed_to_province(scope: Scope, province: Province | None) -> Scope:
    """The scope of one province picked in the filters (the page stays the same page)."""
    if province is None:
        return scope
    return replace(scope, level=Level.PROVINCE, province=province, region=province.region)


# The group lists behind the figures (dashboards.lists.groups, `?programme=<key>`).


def _reported(year: int) -> Q:
    return Q(id__in=Result.objects.filter(fiscal_year=year).values("group_id"))


def _confirmed(year: int) -> Q:
    unconfirmed = Result.objects.filter(fiscal_year=year, confirmed_at=None)
    return _reported(year) & ~Q(id__in=unconfirmed.values("group_id"))


def _with_plan(area: str, done: bool = False) -> Q:
    items = PlanItem.objects.filter(area=area)
    if done:
        items = items.filter(status=ItemStatus.DONE)
    return Q(id__in=items.values("group_id"))


GROUP_FILTERS = {
    "reporting": _reported,
    "not-reporting": lambda year: ~_reported(year),
    "confirmed": _confirmed,
    **{
        f"stage-{stage}": lambda _year, stage=stage: stage_condition(stage) for stage in STAGE_ORDER
    },
    **{f"plan-{area}": lambda _year, area=area: _with_plan(area) for area in AREAS},
    **{f"plan-{area}-done": lambda _year, area=area: _with_plan(area, done=True) for area in AREAS},
}


def group_condition(key: str, fiscal_year: int) -> Q:
    """The groups behind one figure of the page; KeyError for an unknown key."""
    return GROUP_FILTERS[key](fiscal_year)


def group_list_title(key: str) -> str:
    """The heading of the group list behind one figure of the page."""
    if key.startswith("stage-"):
        return _("กลุ่มที่อยู่ในขั้นตอน “%(stage)s”") % {"stage": Stage(key[6:]).label}
    if key.startswith("plan-"):
        area = Area(key[5:].removesuffix("-done")).label
        if key.endswith("-done"):
            return _("กลุ่มที่ทำแผนพัฒนาด้าน%(area)s เสร็จแล้วอย่างน้อยหนึ่งรายการ") % {"area": area}
        return _("กลุ่มที่มีแผนพัฒนาด้าน%(area)s") % {"area": area}
    return {
        "reporting": _("กลุ่มที่รายงานผลในปีงบประมาณ"),
        "not-reporting": _("กลุ่มที่ยังไม่รายงานผลในปีงบประมาณ"),
        "confirmed": _("กลุ่มที่พี่เลี้ยงยืนยันผลของปีงบประมาณแล้ว"),
    }[key]
