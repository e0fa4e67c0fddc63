import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from mentors.selectors import (
    coverage_step,
    national_coverage,
    province_groups_without_mentor,
    region_coverage,
)
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def chumphon(south):
    return factories.ProvinceFactory(code="86", name_th="ชุมพร", name_en="Chumphon", region=south)


@pytest.fixture
def pattani(south):
    return factories.ProvinceFactory(code="94", name_th="ปัตตานี", name_en="Pattani", region=south)


def _group_in(province, name):
    tambon = factories.TambonFactory(district=factories.DistrictFactory(province=province))
    return factories.CommunityGroupFactory(tambon=tambon, name=name)


def test_each_province_with_its_groups_mentors_and_gaps(
    south, krabi, chumphon, pattani, group, assignment, mentor, unassigned_mentor
):
    _group_in(chumphon, "กลุ่มชุมพร")
    unmentored = _group_in(pattani, "กลุ่มปัตตานี")
    unassigned_mentor.provinces.add(pattani)
    # An ended assignment does not count.
    factories.AssignmentFactory(
        mentor=mentor,
        group=unmentored,
        starts_on=datetime.date(2024, 1, 1),
        ends_on=datetime.date(2024, 12, 31),
    )
    coverage = region_coverage(south)
    rows = {row.province.name_en: row for row in coverage.provinces}
    assert rows["Krabi"].group_count == 1 and rows["Krabi"].without_mentor == 0
    assert rows["Krabi"].mentors == [mentor] and not rows["Krabi"].has_no_mentor
    assert rows["Chumphon"].has_no_mentor
    assert rows["Chumphon"].without_mentor == 1
    assert rows["Pattani"].mentors == [unassigned_mentor] and not rows["Pattani"].has_no_mentor
    assert rows["Pattani"].without_mentor == 1
    assert list(province_groups_without_mentor(rows["Pattani"].province)) == [unmentored]
    assert coverage.provinces_without_mentor == 1 and coverage.groups_without_mentor == 2
    loads = {m.pk: m.load for m in coverage.mentors}
    assert loads == {mentor.pk: 1, unassigned_mentor.pk: 0}


def test_an_inactive_mentor_covers_nothing(south, krabi, group, assignment, mentor):
    mentor.is_active = False
    mentor.save()
    row = region_coverage(south).provinces[0]
    assert row.mentors == [] and row.without_mentor == 1 and row.has_no_mentor


def test_a_future_assignment_does_not_cover_yet(south, krabi, group, mentor):
    factories.AssignmentFactory(
        mentor=mentor, group=group, starts_on=timezone.localdate() + datetime.timedelta(days=1)
    )
    assert region_coverage(south).provinces[0].without_mentor == 1


def test_the_page_makes_missing_mentors_stand_out(
    client, staff_south, south, krabi, chumphon, group, assignment, mentor
):
    _group_in(chumphon, "กลุ่มชุมพร")
    client.force_login(staff_south)
    body = client.get(reverse("mentors:coverage")).content.decode()
    assert mentor.name in body
    # Chumphon: its one group has no mentor, the strongest colour and the words to say so.
    assert 'data-code="86"' in body
    tile = _tile(body, "86")
    assert "cov-step-4" in tile and "ไม่มีพี่เลี้ยง 1 จาก 1 กลุ่ม" in tile
    assert "cov-step-0" in _tile(body, "81")
    # The groups themselves are one click away, a page at a time.
    assert reverse("mentors:coverage_province", args=[chumphon.code]) in body


def _tile(body: str, code: str) -> str:
    start = body.index(f'data-code="{code}"')
    return body[body.rindex("<li", 0, start) : body.index("</li>", start)]


def test_a_province_without_groups_is_neutral_not_red(
    client, staff_south, south, krabi, chumphon, pattani, group, assignment
):
    """Chumphon has no group at all: grey and "ยังไม่มีกลุ่ม", quieter than Pattani, whose
    groups have no mentor."""
    _group_in(pattani, "กลุ่มปัตตานี 1")
    _group_in(pattani, "กลุ่มปัตตานี 2")
    coverage = region_coverage(south)
    rows = {row.province.code: row for row in coverage.provinces}
    assert rows["86"].step is None and not rows["86"].has_no_mentor
    assert rows["94"].step == 4 and rows["94"].has_no_mentor
    assert rows["81"].step == 0
    assert coverage.provinces_without_groups == 1 and coverage.provinces_without_mentor == 1
    client.force_login(staff_south)
    body = client.get(reverse("mentors:coverage")).content.decode()
    chumphon_tile = _tile(body, "86")
    assert "cov-nogroups" in chumphon_tile and "ยังไม่มีกลุ่ม" in chumphon_tile
    assert "cov-step" not in chumphon_tile
    assert "cov-step-4" in _tile(body, "94")
    # The legend says what the colour measures, and the table gives the same figures.
    assert "สัดส่วนกลุ่มที่ยังไม่มีพี่เลี้ยง" in body and "เฉพาะจังหวัดที่มีกลุ่มแล้ว" in body
    assert "<table" in body and "<caption" in body
    assert '<th scope="row">ปัตตานี</th>' in body


@pytest.mark.parametrize(
    "without, total, step",
    [(0, 5, 0), (1, 100, 1), (1, 4, 1), (2, 5, 2), (1, 2, 2), (3, 5, 3), (3, 4, 3), (4, 5, 4)],
)
def test_the_colour_steps_measure_the_share_without_a_mentor(without, total, step):
    assert coverage_step(without, total) == step
    assert coverage_step(0, 0) is None


def test_the_share_is_written_without_rounding_to_nothing_or_to_all():
    from mentors.selectors import ProvinceCoverage

    def percent(without, total):
        return ProvinceCoverage(province=None, group_count=total, without_mentor=without).percent

    assert percent(1, 1000) == "<1%" and percent(999, 1000) == "99%"
    assert percent(1, 3) == "33%" and percent(0, 3) == "0%" and percent(3, 3) == "100%"
    assert percent(0, 0) == "–"


def test_national_staff_see_the_whole_country_by_region_without_choosing(
    client, national_staff, south, north, krabi, chumphon, group, assignment
):
    chiang_mai = factories.ProvinceFactory(
        code="50", name_th="เชียงใหม่", name_en="Chiang Mai", region=north
    )
    _group_in(chiang_mai, "กลุ่มเชียงใหม่")
    factories.ProvinceFactory(code="10", name_th="กรุงเทพมหานคร", name_en="Bangkok", region=None)
    coverage = national_coverage()
    regions = [section.region for section in coverage.regions]
    assert regions[-1] is None and set(regions[:-1]) == {north, south}
    assert coverage.totals.group_count == 2 and coverage.totals.without_mentor == 1
    assert coverage.totals.province_count == 4
    by_region = {section.region: section.totals for section in coverage.regions}
    assert (by_region[north].group_count, by_region[north].without_mentor) == (1, 1)
    assert by_region[south].provinces_without_groups == 1

    client.force_login(national_staff)
    body = client.get(reverse("mentors:coverage")).content.decode()
    assert "เลือกภาคเพื่อดูความครอบคลุม" not in body
    assert "ทั้งประเทศ" in body
    for name in ("กระบี่", "ชุมพร", "เชียงใหม่", "กรุงเทพมหานคร", "ภาคเหนือ", "ภาคใต้"):
        assert name in body
    assert "ยังไม่ได้กำหนดภาค" in body
    assert "cov-step-4" in _tile(body, "50")
    # The region view stays one choice away, and so does each province.
    assert "?region=north" in body
    assert reverse("mentors:coverage_province", args=["50"]) in body
    body = client.get(reverse("mentors:coverage") + "?region=south").content.decode()
    assert "กระบี่" in body and "เชียงใหม่" not in body


def test_the_national_view_shows_all_77_provinces(client, national_staff, real_geography):
    client.force_login(national_staff)
    body = client.get(reverse("mentors:coverage")).content.decode()
    assert body.count('<li class="cov-tile') == 77
    assert body.count('<th scope="row"') >= 77


def test_regional_staff_only_ever_see_their_region(client, staff_south, north, krabi, group):
    _group_in(factories.ProvinceFactory(code="50", name_th="เชียงใหม่", region=north), "ก")
    client.force_login(staff_south)
    for query in ("", "?region=north"):
        body = client.get(reverse("mentors:coverage") + query).content.decode()
        assert "กระบี่" in body and "เชียงใหม่" not in body
    url = reverse("mentors:coverage_province", args=["50"])
    assert client.get(url).status_code == 404


def _grow(region, size):
    for _ in range(size):
        province = factories.ProvinceFactory(region=region)
        covering = factories.MentorFactory(region=region)
        covering.provinces.add(province)
        mentored = _group_in(province, "กลุ่มมีพี่เลี้ยง")
        factories.AssignmentFactory(mentor=covering, group=mentored)
        _group_in(province, "กลุ่มไม่มีพี่เลี้ยง")
        _group_in(factories.ProvinceFactory(region=region), "กลุ่มจังหวัดว่าง")
        factories.ProvinceFactory(region=region)  # no group at all


@pytest.mark.parametrize("persona", ["staff_south", "national_staff"])
def test_the_page_runs_a_fixed_number_of_queries_whatever_the_size(
    client, request, south, north, persona, django_assert_max_num_queries
):
    client.force_login(request.getfixturevalue(persona))
    counts = []
    for size in (1, 8):
        _grow(south, size)
        _grow(north, size)
        # 10: a region's mentors are a paged table, whose count is a query of its own.
        with django_assert_max_num_queries(10) as captured:
            response = client.get(reverse("mentors:coverage"))
        assert response.status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_the_region_view_of_national_staff_costs_the_same_for_any_size(
    client, national_staff, south, django_assert_max_num_queries
):
    client.force_login(national_staff)
    counts = []
    for size in (1, 8):
        _grow(south, size)
        # 10: the region's mentors are a paged table, whose count is a query of its own.
        with django_assert_max_num_queries(10) as captured:
            response = client.get(reverse("mentors:coverage") + "?region=south")
        assert response.status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_a_province_without_groups_says_so_on_its_own_page(client, staff_south, chumphon):
    client.force_login(staff_south)
    body = client.get(reverse("mentors:coverage_province", args=["86"])).content.decode()
    assert "จังหวัดนี้ยังไม่มีกลุ่ม" in body
    assert "ทุกกลุ่มในจังหวัดนี้มีพี่เลี้ยงดูแลแล้ว" not in body


# Colours: the CSS the page ships, checked for contrast ---------------------------


def _rule(selector: str) -> str:
    css = (Path(settings.BASE_DIR) / "static" / "css" / "coverage.css").read_text()
    match = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", css)
    assert match, selector
    return match.group(1)


def _colour(rule: str, prop: str) -> str:
    match = re.search(r"(?:^|[;\s])" + prop + r":\s*(#[0-9a-fA-F]{6})", rule)
    assert match, (prop, rule)
    return match.group(1)


def _luminance(hex_colour: str) -> float:
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_map_colours_are_readable_and_told_apart():
    fills = {}
    for key in [f"cov-step-{i}" for i in range(5)] + ["cov-nogroups"]:
        rule = _rule("." + key)
        fills[key] = _colour(rule, "background-color")
        # Words on every tile: 4.5:1 (text).
        assert contrast(_colour(rule, "color"), fills[key]) >= 4.5, key
    # Every tile has an edge of at least 3:1 against the page (non-text).
    edge = _colour(_rule(".cov-swatch, .cov-tile"), "border-color")
    assert contrast(edge, "#ffffff") >= 3
    # The strongest step stands out from the neutral "no groups" and from "all covered".
    assert contrast(fills["cov-step-4"], fills["cov-nogroups"]) >= 3
    assert contrast(fills["cov-step-4"], fills["cov-step-0"]) >= 3
    # "No groups" is told apart by a pattern, not only by its colour.
    assert "repeating-linear-gradient" in _rule(".cov-nogroups")


@pytest.mark.parametrize(
    "persona, expected",
    [
        ("staff_south", 200),
        ("national_staff", 200),
        ("staff_other_region", 404),
        ("leader", 404),
        ("mentor_user", 404),
    ],
)
def test_a_provinces_uncovered_groups_are_listed_for_its_region_only(
    client, request, krabi, group, persona, expected
):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse("mentors:coverage_province", args=[krabi.code]))
    assert response.status_code == expected
    if expected == 200:
        assert group.name in response.content.decode()


def test_an_unknown_province_is_404(client, staff_south, krabi):
    client.force_login(staff_south)
    assert client.get(reverse("mentors:coverage_province", args=["99"])).status_code == 404


def test_the_province_list_is_paged_and_costs_the_same_for_any_size(
    client, staff_south, krabi, ao_luek_tai, django_assert_max_num_queries
):
    for n in range(120):
        factories.CommunityGroupFactory(name=f"กลุ่ม {n:03d}", tambon=ao_luek_tai)
    client.force_login(staff_south)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("mentors:coverage_province", args=[krabi.code]))
    body = response.content.decode()
    assert "กลุ่ม 000" in body and "กลุ่ม 050" not in body
    assert "หน้า 1 จาก 3" in body


def test_a_provinces_followed_groups_are_listed_on_demand(
    client, staff_south, krabi, ao_luek_tai, group, assignment, django_assert_max_num_queries
):
    unfollowed = factories.CommunityGroupFactory(name="กลุ่มยังไม่มีพี่เลี้ยง", tambon=ao_luek_tai)
    client.force_login(staff_south)
    url = reverse("mentors:coverage_province", args=[krabi.code])
    without = client.get(url).content.decode()
    assert unfollowed.name in without and group.name not in without
    assert f'href="{url}?mentor=with"' in without
    with django_assert_max_num_queries(10):
        followed = client.get(url + "?mentor=with").content.decode()
    assert group.name in followed and unfollowed.name not in followed
    assert "กลุ่มที่มีพี่เลี้ยงดูแลแล้วใน" in followed


def test_a_tile_names_a_few_mentors_and_counts_the_others(client, staff_south, south, krabi):
    for _n in range(5):
        factories.MentorFactory(region=south).provinces.add(krabi)
    client.force_login(staff_south)
    body = client.get(reverse("mentors:coverage")).content.decode()
    tile = body[body.index('data-code="81"') :]
    tile = tile[: tile.index("</li>")]
    assert "และอีก 2 คน" in tile
    row = region_coverage(south).provinces[0]
    assert row.mentor_count == 5 and len(row.mentors) == 3


def test_the_mentors_table_is_paged_and_the_page_stays_small(
    client, staff_south, south, krabi, django_assert_max_num_queries
):
    for _n in range(120):
        factories.MentorFactory(region=south).provinces.add(krabi)
    client.force_login(staff_south)
    with django_assert_max_num_queries(10):
        body = client.get(reverse("mentors:coverage")).content.decode()
    assert "หน้า 1 จาก 3" in body and "mentors_page=2" in body
    assert len(body.encode()) < 60_000, len(body.encode())
    second = client.get(reverse("mentors:coverage") + "?mentors_page=3").content.decode()
    assert "หน้า 3 จาก 3" in second
