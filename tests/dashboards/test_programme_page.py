"""The programme page of the dashboards: who sees what, its filters, and the lists behind
its figures."""

import datetime

import pytest
from django.urls import reverse

from tests import factories
from tests.dashboards.programme_world import (
    YEAR,
    at_bangkok,
    build_programme_world,
    expected,
    groups_in,
)

pytestmark = pytest.mark.django_db

URL = "/dashboards/programme/"


@pytest.fixture
def world(south, north, krabi):
    return build_programme_world(south=south, north=north, krabi=krabi)


def _get(client, user, **params):
    client.force_login(user)
    return client.get(URL, {"fy": YEAR, **params})


def test_the_url(db):
    assert reverse("dashboards:programme") == URL


def test_regional_staff_see_their_region_by_province(client, world, staff_south):
    response = _get(client, staff_south)
    assert response.status_code == 200
    page = response.context["page"]
    assert [row.key for row in page.provinces] == ["81", "82"]
    assert page.regions == []
    assert page.total.value("reporting") == expected(groups_in(world, "81", "82"))["reporting"]
    content = response.content.decode()
    assert "กระบี่" in content and "พังงา" in content
    assert "เชียงใหม่" not in content


def test_national_staff_see_the_country_by_region_and_province(client, world, national_staff):
    response = _get(client, national_staff)
    assert response.status_code == 200
    page = response.context["page"]
    assert [row.key for row in page.regions] == ["south", "north"]
    assert {row.key for row in page.provinces} == {"81", "82", "50"}
    assert "ผลลัพธ์รายภาค" in response.content.decode()


def test_national_staff_pick_a_region(client, world, national_staff):
    page = _get(client, national_staff, region="north").context["page"]
    assert [row.key for row in page.provinces] == ["50"]
    assert page.regions == []


def test_a_mentor_sees_their_groups_only(client, world, mentor_user, south):
    mentor = factories.MentorFactory(user=mentor_user, region=south)
    factories.AssignmentFactory(mentor=mentor, group=world.groups[3])
    response = _get(client, mentor_user)
    assert response.status_code == 200
    page = response.context["page"]
    assert [row.key for row in page.provinces] == ["82"]
    assert page.total.value("groups") == 1
    assert page.total.value("income") == 30000
    assert "เฉพาะกลุ่มที่ท่านเป็นพี่เลี้ยง" in response.content.decode()


def test_a_province_picked_narrows_the_page(client, world, staff_south):
    response = _get(client, staff_south, province="82")
    page = response.context["page"]
    assert [row.key for row in page.provinces] == ["82"]
    assert page.total.value("groups") == expected(groups_in(world, "82"))["groups"]


@pytest.mark.parametrize("persona", ["leader", "member", "outsider"])
def test_community_people_have_no_such_page(client, request, group, persona):
    assert _get(client, request.getfixturevalue(persona)).status_code == 404


def test_anonymous_go_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_regional_staff_cannot_open_another_region(client, world, staff_south):
    assert _get(client, staff_south, region="north").status_code == 404


@pytest.mark.parametrize(
    "params",
    [
        {"fy": "abc"},
        {"fy": "1999"},
        {"province": "50"},  # another region's
        {"province": "99"},
        {"kind": "nonsense"},
        {"sector": "<script>"},
        {"cohort": "999999"},
        {"cohort": "x"},
    ],
)
def test_a_bad_filter_is_a_clear_message(client, world, staff_south, params):
    response = _get(client, staff_south, **params)
    assert response.status_code == 400
    assert "ตัวกรองบางค่าใช้ไม่ได้" in response.content.decode()


def test_the_fiscal_year_defaults_to_the_current_one_in_bangkok(
    client, world, staff_south, monkeypatch
):
    client.force_login(staff_south)
    last_minute = at_bangkok(2026, 9, 30, 23, 59)
    monkeypatch.setattr("django.utils.timezone.now", lambda: last_minute)
    assert client.get(URL).context["scope"].fiscal_year.year == 2569
    first_minute = last_minute + datetime.timedelta(minutes=1)  # 1 October, 00:00 in Bangkok
    monkeypatch.setattr("django.utils.timezone.now", lambda: first_minute)
    assert client.get(URL).context["scope"].fiscal_year.year == 2570


def test_the_page_says_how_it_counts(client, world, staff_south):
    content = _get(client, staff_south).content.decode()
    assert "ถ้าไม่มีใช้ผลรวมของไตรมาสที่บันทึก" in content
    assert "นับเฉพาะกลุ่มที่รายงานผลทั้งปีนี้และปีก่อน" in content


def test_no_income_the_year_before_shows_a_dash(client, south, north, krabi, staff_south):
    group = factories.CommunityGroupFactory(tambon__district__province=krabi)
    factories.ResultFactory(group=group, fiscal_year=YEAR, quarter=0, income=5000)
    factories.ResultFactory(group=group, fiscal_year=YEAR - 1, quarter=0, income=0)
    response = _get(client, staff_south)
    assert response.context["page"].total.income_change_percent is None
    assert "+5,000" in response.content.decode()
    assert "—" in response.content.decode()


# The lists behind the figures ------------------------------------------------


def _names(response):
    return {group.name for group in response.context["page"].object_list}


def test_each_figure_links_to_the_groups_behind_it(client, world, staff_south):
    page = _get(client, staff_south).context["page"]
    krabi = next(row for row in page.provinces if row.key == "81")
    wanted = {
        "reporting": {
            g.name
            for g in groups_in(world, "81")
            if g.pk in {world.groups[0].pk, world.groups[1].pk}
        },
        "not_reporting": set(),
        "confirmed": {world.groups[0].name},
        "stage_use": {world.groups[0].name},
        "stage_capital": {world.groups[1].name},
        "plan_people": {world.groups[0].name},
        "plan_people_done": {world.groups[0].name},
    }
    for figure, names in wanted.items():
        url = krabi.links[figure]
        assert url.startswith("/dashboards/province/81/list/groups/")
        assert f"fy={YEAR}" in url
        response = client.get(url)
        assert response.status_code == 200, figure
        assert _names(response) == names, figure
    phang_nga = next(row for row in page.provinces if row.key == "82")
    response = client.get(phang_nga.links["not_reporting"])
    assert _names(response) == {world.groups[2].name}
    assert "กลุ่มที่ยังไม่รายงานผลในปีงบประมาณ" in response.content.decode()


def test_the_totals_link_to_the_region_list(client, world, national_staff):
    page = _get(client, national_staff, region="south").context["page"]
    url = page.total.links["not_reporting"]
    assert url.startswith("/dashboards/list/groups/?")
    assert "region=south" in url
    assert _names(client.get(url)) == {world.groups[2].name}
    north = _get(client, national_staff).context["page"].regions[1]
    assert _names(client.get(north.links["stage_adapt"])) == {world.groups[4].name}


@pytest.mark.parametrize(
    "path",
    [
        "/dashboards/list/groups/?programme=nonsense",
        "/dashboards/list/canvases/?programme=reporting",
    ],
)
def test_an_unknown_list_filter_is_404(client, world, staff_south, path):
    client.force_login(staff_south)
    assert client.get(path).status_code == 404


def test_the_list_leads_back_to_the_programme_page(client, world, staff_south):
    client.force_login(staff_south)
    response = client.get(
        "/dashboards/province/81/list/groups/", {"programme": "reporting", "fy": YEAR}
    )
    assert response.context["back_url"].startswith("/dashboards/programme/?")
    assert "province=81" in response.context["back_url"]


def test_the_dashboard_and_the_menu_link_to_the_page(client, world, staff_south):
    client.force_login(staff_south)
    content = client.get("/dashboards/", {"fy": YEAR}).content.decode()
    assert f'href="{URL}?fy={YEAR}"' in content
    assert content.count(f'href="{URL}') >= 2


def test_the_rows_sort_by_a_column_and_back(client, world, national_staff):
    page = _get(client, national_staff, order="-income").context["page"]
    incomes = [row.value("income") for row in page.provinces]
    assert incomes == sorted(incomes, reverse=True)
    assert page.provinces[0].key == "81"
    response = _get(client, national_staff, order="income_change_percent")
    rows = response.context["page"].provinces
    # Provinces without a percent (nobody to compare, or nothing earned before) come last.
    assert [row.key for row in rows][:1] == ["81"]
    assert rows[-1].income_change_percent is None
    headers = {header["label"]: header for header in response.context["results_headers"]}
    assert headers["รายได้เปลี่ยนจากปีก่อน (%)"]["aria_sort"] == "ascending"
    assert "order=-income_change_percent" in headers["รายได้เปลี่ยนจากปีก่อน (%)"]["url"]


@pytest.mark.parametrize("order", ["nonsense", "-stage_use", "--income"])
def test_an_unknown_sort_is_404(client, world, staff_south, order):
    assert _get(client, staff_south, order=order).status_code == 404
