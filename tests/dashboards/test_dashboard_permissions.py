"""Who gets which dashboard page, as one table over the personas.

Leaders and members have no dashboard (404); areas outside a viewer's reach
are 404; regional staff read the targets but may not change them (403).
"""

import pytest
from django.urls import reverse

from dashboards.models import FiscalTarget

pytestmark = pytest.mark.django_db

PERSONAS = [
    "anonymous",
    "leader",
    "member",
    "mentor_user",
    "unassigned_mentor",
    "staff_south",
    "staff_other_region",
    "national_staff",
]

# url name, args, then the expected status for each persona above
TABLE = [
    ("dashboards:index", [], [302, 404, 404, 200, 200, 200, 200, 200]),
    ("dashboards:province", ["81"], [302, 404, 404, 200, 404, 200, 404, 200]),
    ("dashboards:district", ["8105"], [302, 404, 404, 200, 404, 200, 404, 200]),
    ("dashboards:tambon", ["810501"], [302, 404, 404, 200, 404, 200, 404, 200]),
    ("dashboards:province", ["99"], [302, 404, 404, 404, 404, 404, 404, 404]),
    ("dashboards:list_root", ["groups"], [302, 404, 404, 200, 200, 200, 200, 200]),
    ("dashboards:list_root", ["nothing"], [302, 404, 404, 404, 404, 404, 404, 404]),
    ("dashboards:province_list", ["81", "canvases"], [302, 404, 404, 200, 404, 200, 404, 200]),
    ("dashboards:district_list", ["8105", "waiting"], [302, 404, 404, 200, 404, 200, 404, 200]),
    ("dashboards:tambon_list", ["810501", "follow-ups"], [302, 404, 404, 200, 404, 200, 404, 200]),
    ("dashboards:targets", [], [302, 404, 404, 404, 404, 200, 200, 200]),
]
CASES = [
    pytest.param(name, args, persona, status, id=f"{name}{args}-{persona}")
    for name, args, statuses in TABLE
    for persona, status in zip(PERSONAS, statuses, strict=True)
]


def _sign_in(client, request, persona):
    if persona == "anonymous":
        return
    user = request.getfixturevalue(persona)
    client.force_login(getattr(user, "user", user))


@pytest.mark.parametrize(("name", "args", "persona", "status"), CASES)
def test_get(client, request, world, member, leader, name, args, persona, status):
    _sign_in(client, request, persona)
    response = client.get(reverse(name, args=args))
    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    ("region", "persona", "status"),
    [
        ("north", "staff_south", 404),
        ("south", "staff_south", 200),
        ("nowhere", "national_staff", 404),
        ("north", "national_staff", 200),
        ("south", "mentor_user", 404),
    ],
)
def test_a_region_in_the_url_outside_the_viewer_reach_is_404(
    client, request, world, region, persona, status
):
    _sign_in(client, request, persona)
    assert client.get(reverse("dashboards:index"), {"region": region}).status_code == status


@pytest.mark.parametrize(
    ("persona", "status"),
    list(zip(PERSONAS, [302, 404, 404, 404, 404, 403, 403, 302], strict=True)),
)
def test_only_national_staff_set_targets(client, request, world, leader, member, persona, status):
    _sign_in(client, request, persona)
    response = client.post(
        reverse("dashboards:targets") + "?fy=2569", {"country": "500", "region_1": ""}
    )
    assert response.status_code == status
    saved = FiscalTarget.objects.filter(region=None, fiscal_year=2569).exists()
    assert saved is (persona == "national_staff")
