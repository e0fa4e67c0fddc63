"""Who gets what, as one table over roles and objects.

Outsiders of an object answer 404, insiders without the right answer 403,
anonymous visitors go to the sign-in page.
"""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PERSONAS = [
    "anonymous",
    "leader",
    "outsider",
    "unassigned_mentor",
    "mentor",
    "staff_south",
    "staff_other_region",
    "national_staff",
]

# page name, object fixture, then the expected status for each persona above
TABLE = [
    ("mentors:mentor_list", None, [302, 404, 404, 404, 404, 200, 200, 200]),
    ("mentors:mentor_detail", "mentor", [302, 404, 404, 404, 200, 200, 404, 200]),
    ("mentors:mentor_edit", "mentor", [302, 404, 404, 404, 403, 200, 404, 200]),
    ("mentors:mentor_assign", "mentor", [302, 404, 404, 404, 403, 200, 404, 200]),
    ("mentors:mentor_follow_ups", "mentor", [302, 404, 404, 404, 200, 200, 404, 200]),
    ("mentors:group_follow_ups", "group", [302, 404, 404, 404, 200, 200, 404, 200]),
    ("mentors:follow_up_create", "group", [302, 404, 404, 404, 200, 403, 404, 403]),
    ("mentors:group_assign", "group", [302, 404, 404, 404, 403, 200, 404, 200]),
    ("mentors:cohort_list", None, [302, 404, 404, 200, 200, 200, 200, 200]),
    ("mentors:cohort_detail", "cohort", [302, 404, 404, 404, 200, 200, 404, 200]),
    ("mentors:cohort_edit", "cohort", [302, 404, 404, 404, 403, 200, 404, 200]),
    ("mentors:coverage", None, [302, 404, 404, 404, 404, 200, 200, 200]),
    ("mentors:mentor_create", None, [302, 404, 404, 404, 404, 200, 200, 404]),
    ("mentors:cohort_create", None, [302, 404, 404, 404, 404, 200, 200, 404]),
]
CASES = [
    pytest.param(name, obj, persona, status, id=f"{name}-{persona}")
    for name, obj, statuses in TABLE
    for persona, status in zip(PERSONAS, statuses, strict=True)
]


@pytest.fixture
def world(assignment, cohort, unassigned_mentor, leader, outsider):
    """The mentor follows the group and is in the cohort; everyone else exists."""


def _sign_in(client, request, persona):
    if persona == "anonymous":
        return
    user = request.getfixturevalue(persona)
    client.force_login(getattr(user, "user", user))


@pytest.mark.parametrize(("name", "obj", "persona", "status"), CASES)
def test_get(client, request, world, name, obj, persona, status):
    _sign_in(client, request, persona)
    args = [request.getfixturevalue(obj).pk] if obj else []
    response = client.get(reverse(name, args=args))
    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    ("persona", "status"),
    list(zip(PERSONAS, [302, 404, 404, 404, 403, 302, 404, 302], strict=True)),
)
def test_ending_an_assignment(client, request, world, assignment, persona, status):
    _sign_in(client, request, persona)
    response = client.post(reverse("mentors:assignment_end", args=[assignment.pk]))
    assert response.status_code == status
    assignment.refresh_from_db()
    ended = persona in {"staff_south", "national_staff"}
    assert (assignment.ends_on is not None) is ended
