import pytest

from tests.browser.conftest import sign_in
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_leader_signs_in_with_a_phone_number_and_sees_their_group_in_thai(
    page, live_server, leader, group
):
    sign_in(page, live_server, "081-234-5678", TEST_PASSWORD)

    assert page.url == f"{live_server.url}/"
    assert page.locator("html").get_attribute("lang") == "th"
    assert page.get_by_role("heading", name="กลุ่มของฉัน").is_visible()
    assert page.get_by_role("link", name=group.name).is_visible()
    assert "อ่าวลึกใต้ › อ่าวลึก › กระบี่" in page.content()
    # Nothing overflows the 360-px screen sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
