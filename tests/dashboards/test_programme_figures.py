"""The programme figures per province, region and in total, against counts made in Python."""

from decimal import Decimal

import pytest

from cbmc_portal.fiscal import FiscalYear
from dashboards.access import Viewer
from dashboards.programme_figures import ProgrammeFigures, programme_page
from dashboards.scope import Filters, Level, Scope
from tests import factories
from tests.dashboards.programme_world import (
    FORUMS_PER_COPY,
    YEAR,
    build_programme_world,
    expected,
    groups_in,
)

pytestmark = pytest.mark.django_db

FIGURES = [
    "groups",
    "reporting",
    "not_reporting",
    "confirmed",
    "income",
    "costs",
    "members_earning",
    "households_earning",
    "compared",
    "compared_income",
    "compared_previous_income",
    *(f"stage_{stage}" for stage in ("capital", "design", "develop", "test", "adapt", "use")),
    *(
        f"plan_{area}{done}"
        for area in ("people", "organisation", "networks", "policy")
        for done in ("", "_done")
    ),
]


def _scope(level=Level.COUNTRY, region=None, viewer=None, year=YEAR, **filters):
    return Scope(
        viewer=viewer or Viewer(is_national=True),
        level=level,
        fiscal_year=FiscalYear(year),
        region=region,
        filters=Filters(**filters),
    )


def _check(row: ProgrammeFigures, wanted: dict):
    for name in FIGURES:
        assert row.value(name) == wanted.get(name, 0), name


@pytest.fixture
def world(south, north, krabi):
    return build_programme_world(south=south, north=north, krabi=krabi, size=2)


def test_it_counts_each_province_region_and_the_country(world, south, north):
    page = programme_page(_scope())
    by_code = {row.key: row for row in page.provinces}
    for code in ("81", "82", "50"):
        _check(by_code[code], expected(groups_in(world, code)))
    by_region = {row.key: row for row in page.regions}
    _check(by_region["south"], expected(groups_in(world, "81", "82")))
    _check(by_region["north"], expected(groups_in(world, "50")))
    _check(page.total, expected(groups_in(world, "81", "82", "50")))


def test_it_reads_the_rules_the_page_states(world):
    """Two copies of each group: the figures written out once by hand."""
    krabi = next(row for row in programme_page(_scope()).provinces if row.key == "81")
    # A's whole year (its first quarter left out) and B's two quarters.
    assert krabi.value("income") == 2 * Decimal(100000 + 10000 + 15000)
    # A's whole year; B's latest quarter, not the sum of its quarters.
    assert krabi.value("members_earning") == 2 * (20 + 7)
    assert krabi.value("reporting") == 4
    # B has an unconfirmed quarter.
    assert krabi.confirmed == 2
    # Only A reported both years: 100,000 against 30,000 + 20,000.
    assert krabi.value("compared") == 2
    assert krabi.income_change == 2 * Decimal(50000)
    assert krabi.income_change_percent == Decimal("100.0")
    assert krabi.value("stage_use") == 2
    assert krabi.value("stage_capital") == 2
    assert krabi.value("plan_people") == 4
    assert krabi.value("plan_people_done") == 2


def test_a_group_that_reported_one_year_only_is_left_out_of_the_change(south, north, krabi):
    group = factories.CommunityGroupFactory(tambon__district__province=krabi)
    factories.ResultFactory(group=group, fiscal_year=YEAR, quarter=0, income=5000)
    other = factories.CommunityGroupFactory(tambon__district__province=krabi)
    factories.ResultFactory(group=other, fiscal_year=YEAR - 1, quarter=2, income=7000)
    total = programme_page(_scope()).total
    assert total.value("reporting") == 1
    assert total.value("compared") == 0
    assert total.income_change is None
    assert total.income_change_percent is None


def test_no_income_the_year_before_gives_a_change_but_no_percent(south, north, krabi):
    group = factories.CommunityGroupFactory(tambon__district__province=krabi)
    factories.ResultFactory(group=group, fiscal_year=YEAR, quarter=0, income=5000)
    factories.ResultFactory(group=group, fiscal_year=YEAR - 1, quarter=0, income=0)
    total = programme_page(_scope()).total
    assert total.income_change == Decimal(5000)
    assert total.income_change_percent is None


def test_a_fall_in_income_is_negative(south, north, krabi):
    group = factories.CommunityGroupFactory(tambon__district__province=krabi)
    factories.ResultFactory(group=group, fiscal_year=YEAR, quarter=0, income=3000)
    factories.ResultFactory(group=group, fiscal_year=YEAR - 1, quarter=0, income=4000)
    total = programme_page(_scope()).total
    assert total.income_change == Decimal(-1000)
    assert total.income_change_percent == Decimal("-25.0")


def test_a_region_counts_its_provinces_only(world, south):
    page = programme_page(_scope(Level.REGION, region=south))
    assert {row.key for row in page.provinces} == {"81", "82"}
    assert page.regions == []
    _check(page.total, expected(groups_in(world, "81", "82")))


def test_a_province_with_no_group_still_has_its_row(world, south):
    factories.ProvinceFactory(code="83", name_th="ภูเก็ต", region=south)
    page = programme_page(_scope(Level.REGION, region=south))
    phuket = next(row for row in page.provinces if row.key == "83")
    assert phuket.value("groups") == 0
    assert phuket.not_reporting == 0
    assert phuket.income_change is None


def test_the_filters_narrow_every_figure(world):
    page = programme_page(_scope(kind="enterprise"))
    enterprises = [
        group for group in groups_in(world, "81", "82", "50") if group.kind == "enterprise"
    ]
    _check(page.total, expected(enterprises))


def test_a_mentor_counts_their_groups_only(world):
    mine = [world.groups[0], world.groups[3]]
    viewer = Viewer(group_ids=tuple(sorted(group.pk for group in mine)))
    page = programme_page(_scope(viewer=viewer))
    assert {row.key for row in page.provinces} == {"81", "82"}
    assert page.regions == []
    mine_now = [group for group in groups_in(world, "81", "82") if group.pk in viewer.group_ids]
    _check(page.total, expected(mine_now))


def test_another_year_counts_that_year(world):
    total = programme_page(_scope(year=YEAR - 1)).total
    _check(total, expected(groups_in(world, "81", "82", "50"), year=YEAR - 1))


def test_a_mentor_without_groups_sees_zeros(world):
    page = programme_page(_scope(viewer=Viewer(group_ids=())))
    assert page.provinces == []
    assert page.total.value("groups") == 0
    assert page.total.value("income") == 0
    assert page.total.income_change is None


def test_a_whole_year_row_of_people_wins_over_a_later_quarter(south, north, krabi):
    group = factories.CommunityGroupFactory(tambon__district__province=krabi)
    factories.ResultFactory(group=group, fiscal_year=YEAR, quarter=0, members_earning=3)
    factories.ResultFactory(group=group, fiscal_year=YEAR, quarter=4, members_earning=50)
    assert programme_page(_scope()).total.value("members_earning") == 3


def test_it_counts_the_forums_of_the_year_and_their_participants(world, south):
    page = programme_page(_scope())
    by_code = {row.key: row for row in page.provinces}
    for code, (forums, participants) in FORUMS_PER_COPY.items():
        assert by_code[code].value("forums") == 2 * forums, code
        assert by_code[code].value("forum_participants") == 2 * participants, code
    assert page.total.value("forums") == 4
    assert page.total.value("forum_participants") == 2 * (30 + 20)
    south_row = next(row for row in page.regions if row.key == "south")
    assert (south_row.value("forums"), south_row.value("forum_participants")) == (2, 60)
    regional = programme_page(_scope(level=Level.REGION, region=south))
    assert regional.total.value("forums") == 2
