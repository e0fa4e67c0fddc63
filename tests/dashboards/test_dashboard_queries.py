"""Each dashboard page runs the same queries whatever the number of groups and canvases."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.dashboards.conftest import build_world

pytestmark = pytest.mark.django_db

PAGES = [
    ("national_staff", "dashboards:index", [], {}),
    ("national_staff", "dashboards:index", [], {"region": "south"}),
    ("staff_south", "dashboards:index", [], {"sector": "food_processing"}),
    ("staff_south", "dashboards:province", ["81"], {}),
    ("staff_south", "dashboards:district", ["8105"], {}),
    ("staff_south", "dashboards:tambon", ["810501"], {}),
    ("mentor_user", "dashboards:index", [], {}),
    ("staff_south", "dashboards:list_root", ["waiting"], {}),
    ("staff_south", "dashboards:province_list", ["81", "mentors"], {}),
]
# Session, user, the filters' choices, one GROUPING SETS query per figure (total, rows and,
# on the country page, the map's provinces), cohorts, targets and the 24 months.
MAX_QUERIES = 30


def _count(client, user, name, args, params) -> int:
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse(name, args=args), {"fy": 2569, **params})
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(("persona", "name", "args", "params"), PAGES)
def test_the_same_queries_for_small_and_large_data(
    client,
    request,
    south,
    north,
    krabi,
    ao_luek_tai,
    group,
    mentor,
    persona,
    name,
    args,
    params,
):
    user = request.getfixturevalue(persona)
    build_world(
        south=south, north=north, krabi=krabi, ao_luek_tai=ao_luek_tai, group=group, mentor=mentor
    )
    small = _count(client, user, name, args, params)
    # Four times the groups, canvases, decisions, assignments and follow-ups.
    build_world(
        south=south,
        north=north,
        krabi=krabi,
        ao_luek_tai=ao_luek_tai,
        group=group,
        mentor=mentor,
        size=3,
    )
    large = _count(client, user, name, args, params)
    # Counted around the page alone: signing in (with its sign-in throttle) is not the page.
    assert large == small <= MAX_QUERIES
