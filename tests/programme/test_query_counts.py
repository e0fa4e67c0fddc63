"""Every programme page runs the same number of queries with little data and with a lot."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from programme import services
from programme.models import PlanItem
from tests.programme.conftest import approve_a_canvas, make_result

pytestmark = pytest.mark.django_db


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_lots(group, by):
    for year in range(2560, 2569):
        make_result(group, fiscal_year=year, quarter=0, confirmed_by=by)
        for quarter in (1, 2, 3, 4):
            make_result(group, fiscal_year=year, quarter=quarter, confirmed_by=by)
    approve_a_canvas(group, datetime.date(2022, 5, 1))
    for index in range(40):
        PlanItem.objects.create(group=group, area="people", what=f"งาน {index}")
    for step in range(5):
        services.stage_move(
            group=group,
            by=by,
            direction="forward",
            expected=["capital", "design", "develop", "test", "adapt"][step],
        )


@pytest.mark.parametrize("name", ["overview", "results", "plan"])
def test_pages_are_flat_for_the_mentor(client, group, mentor, mentor_user, name):
    client.force_login(mentor_user)
    url = reverse(f"programme:{name}", args=[group.pk])
    make_result(group, fiscal_year=2569, quarter=1)
    small = count(client, url)
    add_lots(group, mentor_user)
    assert count(client, url) == small
    assert small <= 12


def test_the_leaders_pages_are_flat(client, group, leader, mentor_user, mentor):
    client.force_login(leader)
    urls = [
        reverse("programme:results", args=[group.pk]),
        reverse("programme:plan_edit", args=[group.pk]),
        reverse("communities:group_detail", args=[group.pk]),
    ]
    small = [count(client, url) for url in urls]
    add_lots(group, mentor_user)
    assert [count(client, url) for url in urls] == small
