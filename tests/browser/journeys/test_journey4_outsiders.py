"""Journey 4: people outside the group open a plan's links sent to them on a phone.

Regional staff of another region, a leader of another group and a mentor of the same
region not assigned to the group: the plan, its PDF and its submitted versions all
answer 404 (the same page as an address that does not exist), and show none of its words.
"""

import pytest
from django.urls import reverse

from tests import factories
from tests.browser.conftest import sign_in
from tests.browser.journeys.conftest import LEADER_WORDS
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

JOURNEY = "4-outsiders"


@pytest.fixture
def unassigned_mentor(south):
    """A mentor of the group's own region, assigned to another group."""
    mentor = factories.MentorFactory(user__username="mentor_elsewhere", region=south)
    factories.AssignmentFactory(mentor=mentor)
    return mentor.user


def test_outsiders_get_404_for_the_plan_its_pdf_and_its_history(
    devices,
    live_server,
    approved_canvas,
    staff_other_region,
    outsider,
    unassigned_mentor,
    check_a11y,
    shots,
):
    canvas = approved_canvas
    links = {
        "plan": reverse("canvases:detail", args=[canvas.pk]),
        "pdf": reverse("canvases:pdf", args=[canvas.pk]),
        "history": reverse("canvases:history", args=[canvas.pk]),
        "version": reverse("canvases:version", args=[canvas.pk, 1]),
    }
    for login in ("staff_north", "outsider", "mentor_elsewhere"):
        page = devices.phone().new_page()
        sign_in(page, live_server, login, TEST_PASSWORD)
        assert "/accounts/login/" not in page.url, f"{login} could not sign in"
        for what, link in links.items():
            response = page.goto(live_server.url + link)
            assert response.status == 404, f"{login} opened the {what}: {response.status}"
            assert page.get_by_role("heading", name="ไม่พบหน้านี้").is_visible()
            body = page.locator("body").inner_text()
            assert canvas.title not in body
            assert LEADER_WORDS["value_propositions"] not in body
        if login == "staff_north":
            check_a11y(page, "not-found")
            shots(page, "not-found")
