"""A small programme world for the programme page of the dashboards, and its figures
counted here in Python from the rows the factories made (never by the queries under test).

South: Krabi and Phang Nga; North: Chiang Mai. Fiscal year 2569 against 2568.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from communities.models import GroupKind, Sector
from programme.models import STAGE_ORDER, Forum, PlanItem, Result
from programme.periods import Period
from tests import factories

YEAR = 2569


@dataclass
class ProgrammeWorld:
    groups: list = field(default_factory=list)
    provinces: dict = field(default_factory=dict)  # code → province


def _province(code, name, region):
    from communities.models import Province

    found = Province.objects.filter(code=code).first()
    return found or factories.ProvinceFactory(code=code, name_th=name, region=region)


def _tambon(province, code):
    from communities.models import Tambon

    found = Tambon.objects.filter(code=code).first()
    if found:
        return found
    district = factories.DistrictFactory(code=code[:4], province=province)
    return factories.TambonFactory(code=code, district=district)


def build_programme_world(*, south, north, krabi, mentor_user=None, size=1) -> ProgrammeWorld:
    """`size` copies of five groups with results, stages and plan items."""
    world = ProgrammeWorld()
    phang_nga = _province("82", "พังงา", south)
    chiang_mai = _province("50", "เชียงใหม่", north)
    world.provinces = {"81": krabi, "82": phang_nga, "50": chiang_mai}
    krabi_tambon = _tambon(krabi, "810101")
    phang_nga_tambon = _tambon(phang_nga, "820101")
    chiang_mai_tambon = _tambon(chiang_mai, "500101")
    confirmed = {"confirmed_at": timezone.now()}
    for _copy in range(size):
        # A: a whole-year row (its quarter ignored), last year in two quarters; at "use".
        a = factories.CommunityGroupFactory(
            tambon=krabi_tambon, kind=GroupKind.GROUP, sectors=[Sector.COMMUNITY_TOURISM]
        )
        factories.ResultFactory(
            group=a,
            fiscal_year=YEAR,
            quarter=0,
            income=100000,
            costs=40000,
            members_earning=20,
            households_earning=15,
            **confirmed,
        )
        factories.ResultFactory(group=a, fiscal_year=YEAR, quarter=1, income=5000, **confirmed)
        factories.ResultFactory(
            group=a, fiscal_year=YEAR - 1, quarter=1, income=30000, members_earning=10
        )
        factories.ResultFactory(
            group=a, fiscal_year=YEAR - 1, quarter=2, income=20000, members_earning=12
        )
        factories.GroupStageFactory(group=a, stage="use")
        factories.PlanItemFactory(group=a, area="people", status="done")
        factories.PlanItemFactory(group=a, area="people")
        factories.PlanItemFactory(group=a, area="policy", status="in_progress")
        # B: two quarters this year, one not confirmed; nothing last year; never moved.
        b = factories.CommunityGroupFactory(
            tambon=krabi_tambon, kind=GroupKind.ENTERPRISE, sectors=[Sector.FOOD_PROCESSING]
        )
        factories.ResultFactory(
            group=b,
            fiscal_year=YEAR,
            quarter=1,
            income=10000,
            costs=3000,
            members_earning=5,
            households_earning=4,
            **confirmed,
        )
        factories.ResultFactory(
            group=b,
            fiscal_year=YEAR,
            quarter=3,
            income=15000,
            costs=2500,
            members_earning=7,
            households_earning=6,
        )
        # C: reported last year only (its first day, 1 October 2567 BE, is no concern here).
        c = factories.CommunityGroupFactory(tambon=phang_nga_tambon, kind=GroupKind.GROUP)
        factories.ResultFactory(group=c, fiscal_year=YEAR - 1, quarter=4, income=8000)
        factories.GroupStageFactory(group=c, stage="design")
        # D: this year's whole year; last year's whole year earned nothing.
        d = factories.CommunityGroupFactory(tambon=phang_nga_tambon, kind=GroupKind.ENTERPRISE)
        factories.ResultFactory(group=d, fiscal_year=YEAR, quarter=0, income=30000, costs=1000)
        factories.ResultFactory(group=d, fiscal_year=YEAR - 1, quarter=0, income=0, costs=0)
        factories.GroupStageFactory(group=d, stage="test")
        factories.PlanItemFactory(group=d, area="organisation", status="done")
        # E: the north, no results; a finished networks item; results two years ago only.
        e = factories.CommunityGroupFactory(tambon=chiang_mai_tambon, kind=GroupKind.GROUP)
        factories.ResultFactory(group=e, fiscal_year=YEAR - 2, quarter=0, income=99999)
        factories.GroupStageFactory(group=e, stage="adapt")
        factories.PlanItemFactory(group=e, area="networks", status="done")
        # Forums: one in Krabi this year where A and B presented (counted once, 30 people),
        # one in Chiang Mai with E (20), and one in Krabi last year (not this year's).
        _forum(krabi_tambon, [a, b], Period(YEAR, 1).starts_on, 30)
        _forum(chiang_mai_tambon, [e], Period(YEAR, 3).starts_on, 20)
        _forum(krabi_tambon, [a], Period(YEAR - 1, 4).starts_on, 50)
        world.groups += [a, b, c, d, e]
    return world


# Forums and participants per province code, per copy of the world (see above).
FORUMS_PER_COPY = {"81": (1, 30), "82": (0, 0), "50": (1, 20)}


def _forum(tambon, groups, held_on, participants):
    forum = Forum.objects.create(
        title="เวทีแลกเปลี่ยนเรียนรู้",
        held_on=held_on,
        tambon=tambon,
        organisers="พอช.",
        participants=participants,
    )
    forum.groups.set(groups)
    return forum


def expected(groups, year: int = YEAR) -> dict:
    """The page's figures over `groups`, by the rules the page states, counted in Python."""
    ids = {group.pk for group in groups}
    by_group: dict = {}
    for result in Result.objects.filter(group_id__in=ids):
        by_group.setdefault((result.group_id, result.fiscal_year), []).append(result)

    def year_figures(group_id, fiscal_year):
        rows = by_group.get((group_id, fiscal_year))
        if not rows:
            return None
        whole = [row for row in rows if row.quarter == 0]
        if whole:
            row = whole[0]
            return row.income, row.costs, row.members_earning, row.households_earning
        latest = max(rows, key=lambda row: row.quarter)
        return (
            sum((row.income for row in rows), Decimal(0)),
            sum((row.costs for row in rows), Decimal(0)),
            latest.members_earning,
            latest.households_earning,
        )

    out = {
        "groups": len(ids),
        "reporting": 0,
        "confirmed": 0,
        "income": Decimal(0),
        "costs": Decimal(0),
        "members_earning": 0,
        "households_earning": 0,
        "compared": 0,
        "compared_income": Decimal(0),
        "compared_previous_income": Decimal(0),
    }
    for group_id in ids:
        this = year_figures(group_id, year)
        before = year_figures(group_id, year - 1)
        if this is None:
            continue
        out["reporting"] += 1
        if all(row.confirmed_at for row in by_group[(group_id, year)]):
            out["confirmed"] += 1
        out["income"] += this[0]
        out["costs"] += this[1]
        out["members_earning"] += this[2]
        out["households_earning"] += this[3]
        if before is not None:
            out["compared"] += 1
            out["compared_income"] += this[0]
            out["compared_previous_income"] += before[0]
    out["not_reporting"] = out["groups"] - out["reporting"]
    stages = {group.pk: "capital" for group in groups}
    for group in groups:
        stage = getattr(group, "programme_stage", None)
        if stage:
            stages[group.pk] = stage.stage
    for stage in STAGE_ORDER:
        out[f"stage_{stage}"] = sum(1 for value in stages.values() if value == stage)
    for item in PlanItem.objects.filter(group_id__in=ids):
        out[f"plan_{item.area}"] = out.get(f"plan_{item.area}", 0) + 1
        if item.status == "done":
            out[f"plan_{item.area}_done"] = out.get(f"plan_{item.area}_done", 0) + 1
    return out


def groups_in(world, *codes):
    """The world's groups in these provinces, fresh from the database (with their stage)."""
    from communities.models import CommunityGroup

    return list(
        CommunityGroup.objects.filter(
            pk__in=[group.pk for group in world.groups], tambon__province_id__in=codes
        ).select_related("programme_stage")
    )


def at_bangkok(year, month, day, hour=0, minute=0):
    from cbmc_portal.fiscal import BANGKOK

    return datetime.datetime(year, month, day, hour, minute, tzinfo=BANGKOK)
