"""The dashboard's numbers against counts made here, in Python, from the factories' objects."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from canvases.models import CanvasStatus, EventKind
from cbmc_portal.fiscal import FiscalYear
from communities.models import Sector

pytestmark = pytest.mark.django_db

FY = 2569


def percentile(values, fraction):
    """Linear interpolation between closest ranks, as PostgreSQL's percentile_cont."""
    if not values:
        return None
    ordered = sorted(values)
    position = fraction * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def expected(world, *, region=None, groups=None):
    """Every figure of the page, counted from the world's lists."""
    fy = FiscalYear(FY)
    keep = groups or [
        g for g in world.groups if region is None or g.tambon.province.region == region
    ]
    ids = {g.pk for g in keep}
    canvases = [c for c in world.canvases if c.group_id in ids]
    decided = [
        (kind, at, sent, canvas)
        for kind, at, sent, canvas in world.decisions
        if canvas.group_id in ids and fy.starts_at <= at < fy.ends_at
    ]
    days = [(at - sent).total_seconds() / 86400 for _kind, at, sent, _canvas in decided]
    today = timezone.localdate()
    active = [
        a
        for a in world.assignments
        if a.group_id in ids and a.starts_on <= today and (a.ends_on is None or a.ends_on >= today)
    ]
    return {
        "groups": len(keep),
        "tambons": len({g.tambon_id for g in keep}),
        **{s: sum(1 for c in canvases if c.status == s) for s in CanvasStatus.values},
        "median": percentile(days, 0.5),
        "p90": percentile(days, 0.9),
        "approved_tambons": len(
            {canvas.group.tambon_id for kind, *_r, canvas in decided if kind == EventKind.APPROVED}
        ),
        "mentors": len({a.mentor_id for a in active}),
        "without_mentor": len(ids - {a.group_id for a in active}),
        "follow_ups": sum(
            1
            for f in world.follow_ups
            if f.group_id in ids and f.happened_on >= today - datetime.timedelta(days=90)
        ),
    }


def _figures(response):
    data = response.context["data"]
    total = data.total
    return data, {
        "groups": total.groups,
        "tambons": total.tambons,
        **{s: getattr(total, s) for s in CanvasStatus.values},
        "median": total.median_days,
        "p90": total.p90_days,
        "approved_tambons": total.approved_tambons,
        "mentors": total.mentors,
        "without_mentor": total.groups_without_mentor,
        "follow_ups": total.follow_ups,
    }


def test_regional_staff_see_their_region_counted_as_the_factories_made_it(
    client, world, staff_south, south
):
    client.force_login(staff_south)
    response = client.get(reverse("dashboards:index"), {"fy": FY})
    assert response.status_code == 200
    data, shown = _figures(response)
    want = expected(world, region=south)
    assert shown == pytest.approx(want)
    # Sanity of the world itself: one of each state per new group, three new groups.
    assert want["groups"] == 4 and want["approved"] == 4 and want["approved_tambons"] == 3
    assert data.cohorts == 1 and data.people_trained == 1
    oldest = min(
        (
            c
            for c in world.canvases
            if c.status == CanvasStatus.SUBMITTED and c.group.tambon.province.region == south
        ),
        key=lambda c: c.versions.get().submitted_at,
    )
    assert data.oldest_waiting.canvas == oldest
    # The table: one row per southern province, totals equal to the sum of rows.
    rows = {row.name: row for row in data.rows}
    assert set(rows) == {"กระบี่", "พังงา"}
    assert sum(row.groups for row in data.rows) == want["groups"]
    assert sum(row.approved for row in data.rows) == want["approved"]
    assert rows["พังงา"].groups == 1


def test_national_staff_see_the_country_by_region(client, world, national_staff, south, north):
    client.force_login(national_staff)
    response = client.get(reverse("dashboards:index"), {"fy": FY})
    data, shown = _figures(response)
    assert shown == pytest.approx(expected(world))
    by_region = {row.key: row for row in data.rows}
    assert by_region[north.pk].groups == expected(world, region=north)["groups"]
    south_page = client.get(reverse("dashboards:index"), {"fy": FY, "region": "south"})
    assert _figures(south_page)[1] == pytest.approx(expected(world, region=south))


def test_a_mentor_sees_only_their_assigned_groups(client, world, mentor_user, group):
    client.force_login(mentor_user)
    response = client.get(reverse("dashboards:index"), {"fy": FY})
    data, shown = _figures(response)
    assert shown == expected(world, groups=[group])
    assert shown["groups"] == 1
    assert shown["approved"] == 1  # last year's approval: counted in state only
    assert shown["approved_tambons"] == 0
    assert [row.name for row in data.rows] == ["กระบี่"]


def test_filters_narrow_every_figure(client, world, staff_south, south, krabi):
    client.force_login(staff_south)
    tourism = [
        g
        for g in world.groups
        if Sector.COMMUNITY_TOURISM in g.sectors and g.tambon.province.region == south
    ]
    response = client.get(reverse("dashboards:index"), {"fy": FY, "sector": "community_tourism"})
    assert _figures(response)[1] == pytest.approx(expected(world, groups=tourism))

    cohort = world.cohorts[0]
    in_cohort = [g for g in world.groups if g in list(cohort.groups.all())]
    response = client.get(reverse("dashboards:index"), {"fy": FY, "cohort": cohort.pk})
    assert _figures(response)[1] == pytest.approx(expected(world, groups=in_cohort))

    enterprises = [
        g for g in world.groups if g.kind == "enterprise" and g.tambon.province.region == south
    ]
    response = client.get(reverse("dashboards:index"), {"fy": FY, "kind": "enterprise"})
    assert _figures(response)[1] == pytest.approx(expected(world, groups=enterprises))

    in_krabi = [g for g in world.groups if g.tambon.province == krabi]
    response = client.get(reverse("dashboards:province", args=["81"]), {"fy": FY})
    data, shown = _figures(response)
    assert shown == pytest.approx(expected(world, groups=in_krabi))
    assert {row.name for row in data.rows} == {"อ่าวลึก", "เมืองกระบี่"}


def test_drilling_down_to_a_tambon_lists_its_groups(client, world, staff_south, ao_luek_tai):
    client.force_login(staff_south)
    response = client.get(reverse("dashboards:tambon", args=[ao_luek_tai.pk]), {"fy": FY})
    data = response.context["data"]
    in_tambon = [g for g in world.groups if g.tambon_id == ao_luek_tai.pk]
    assert sorted(row.key for row in data.rows) == sorted(g.pk for g in in_tambon)
    html = response.content.decode()
    for g in in_tambon:
        assert reverse("communities:group_detail", args=[g.pk]) in html
    crumbs = [label for label, _url in response.context["breadcrumb"]]
    assert crumbs == ["ภาคใต้", "กระบี่", "อ่าวลึก"]


def test_the_table_sorts_by_any_column_on_the_server(client, world, national_staff):
    client.force_login(national_staff)
    url = reverse("dashboards:index")
    response = client.get(url, {"fy": FY, "region": "south", "sort": "-groups"})
    groups = [row.groups for row in response.context["data"].rows]
    assert groups == sorted(groups, reverse=True)
    response = client.get(url, {"fy": FY, "region": "south", "sort": "name"})
    names = [row.name for row in response.context["data"].rows]
    assert names == sorted(names)
    html = response.content.decode()
    assert 'aria-sort="ascending"' in html
    assert "sort=-median_days" in html
    assert "<tfoot>" in html


def test_every_figure_links_to_its_list_with_the_same_filters(client, world, staff_south, south):
    client.force_login(staff_south)
    response = client.get(
        reverse("dashboards:province", args=["81"]), {"fy": FY, "sector": "community_tourism"}
    )
    urls = response.context["list_urls"]
    assert urls["canvases_approved"].startswith("/dashboards/province/81/list/canvases/?")
    assert "sector=community_tourism" in urls["canvases_approved"]
    listed = client.get(urls["canvases_approved"])
    assert listed.status_code == 200
    want = [
        c
        for c in world.canvases
        if c.status == CanvasStatus.APPROVED
        and c.group.tambon.province_id == "81"
        and Sector.COMMUNITY_TOURISM in c.group.sectors
    ]
    assert listed.context["page"].paginator.count == len(want)
    names = ["groups", "tambons", "no_mentor", "waiting", "decisions", "approvals"]
    for name in [*names, "mentors", "cohorts", "follow_ups"]:
        assert client.get(urls[name]).status_code == 200, name


def test_a_mentor_without_groups_sees_zeros(client, world, unassigned_mentor):
    client.force_login(unassigned_mentor.user)
    response = client.get(reverse("dashboards:index"), {"fy": FY})
    data, shown = _figures(response)
    assert shown["groups"] == 0 and shown["approved"] == 0 and data.rows == []


def test_every_link_a_mentor_is_given_opens(client, world, mentor_user, group, ao_luek_tai):
    client.force_login(mentor_user)
    page = client.get(reverse("dashboards:tambon", args=[ao_luek_tai.pk]), {"fy": FY})
    row = page.context["data"].rows[0]
    assert row.url == reverse("canvases:group_list", args=[group.pk])
    assert client.get(row.url).status_code == 200
    for name, url in page.context["list_urls"].items():
        listed = client.get(url)
        assert listed.status_code == 200, name
        for link in re.findall(
            r'href="(/(?:groups|canvases|mentors)/[^"]*)"', listed.content.decode()
        ):
            # The header's links redirect (mentors:me); none may be a 404 or a 403.
            assert client.get(link).status_code in (200, 302), (name, link)


@pytest.mark.parametrize("persona", ["staff_south", "national_staff"])
def test_every_link_staff_are_given_opens(client, request, world, persona):
    client.force_login(request.getfixturevalue(persona))
    page = client.get(reverse("dashboards:province", args=["81"]), {"fy": FY})
    links = [row.url for row in page.context["data"].rows]
    for name, url in page.context["list_urls"].items():
        listed = client.get(url)
        assert listed.status_code == 200, name
        links += re.findall(r'href="(/(?:groups|canvases|mentors)/[^"]*)"', listed.content.decode())
    for link in set(links):
        assert client.get(link).status_code in (200, 302), link
