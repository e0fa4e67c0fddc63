"""The programme page, its downloads and the group lists behind it run the same queries
whatever the number of groups, results, stages and plan items."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.dashboards.programme_world import YEAR, build_programme_world

pytestmark = pytest.mark.django_db

PAGES = [
    ("national_staff", "/dashboards/programme/", {}),
    ("national_staff", "/dashboards/programme/", {"region": "south", "kind": "group"}),
    ("staff_south", "/dashboards/programme/", {}),
    ("staff_south", "/dashboards/programme/", {"province": "81", "sector": "food_processing"}),
    ("mentor_user", "/dashboards/programme/", {}),
    ("staff_south", "/dashboards/programme/export.csv", {}),
    ("national_staff", "/dashboards/programme/export.xlsx", {}),
    ("staff_south", "/dashboards/list/groups/", {"programme": "not-reporting"}),
    ("staff_south", "/dashboards/province/81/list/groups/", {"programme": "confirmed"}),
]
# Session, user, the filters' choices (regions, provinces, cohorts), the groups with
# their stages, the results, the plan items, the forums, the provinces, the regions; an export's
# audit entry.
MAX_QUERIES = 16


def _count(client, user, url, params) -> int:
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"fy": YEAR, **params})
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(("persona", "url", "params"), PAGES)
def test_the_same_queries_for_small_and_large_data(
    client, request, south, north, krabi, persona, url, params
):
    user = request.getfixturevalue(persona)
    world = build_programme_world(south=south, north=north, krabi=krabi)
    if persona == "mentor_user":
        mentor = factories.MentorFactory(user=user, region=south)
        factories.AssignmentFactory(mentor=mentor, group=world.groups[0])
    small = _count(client, user, url, params)
    larger = build_programme_world(south=south, north=north, krabi=krabi, size=4)
    if persona == "mentor_user":
        for group in larger.groups[::2]:
            factories.AssignmentFactory(mentor=mentor, group=group)
    large = _count(client, user, url, params)
    assert large == small <= MAX_QUERIES
