"""The header menu on a 360-px phone: every role's links fit (they wrap, never scroll
sideways), and signing out sits apart in the account's menu, which opens without JavaScript."""

import pytest

from accounts.models import Role
from tests import factories
from tests.browser.conftest import PHONE, WAIT_MS, sign_in
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

FITS = """() => {
  const nav = document.querySelector('.site-nav');
  return {
    page: document.documentElement.scrollWidth,
    nav: nav.scrollWidth,
    navBox: Math.ceil(nav.getBoundingClientRect().right),
  };
}"""


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(
        viewport=PHONE, locale="th-TH", is_mobile=True, has_touch=True, java_script_enabled=False
    )
    context.set_default_timeout(WAIT_MS)
    yield context.new_page()
    context.close()


@pytest.fixture
def people(leader, member, mentor_user, staff_south, south, group):
    factories.AssignmentFactory(
        mentor=factories.MentorFactory(user=mentor_user, region=south), group=group
    )
    national = factories.UserFactory(
        username="admin_national",
        role=Role.NATIONAL_STAFF,
        is_staff=True,
        is_superuser=True,
        display_name="เจ้าหน้าที่ส่วนกลางผู้มีชื่อยาวมากเป็นพิเศษเพื่อทดสอบ",
    )
    return {
        "leader": leader,
        "member": member,
        "mentor": mentor_user,
        "staff": staff_south,
        "national": national,
    }


@pytest.mark.parametrize("role", ["leader", "member", "mentor", "staff", "national"])
def test_each_roles_home_fits_a_360_px_phone(no_js_page, live_server, people, role):
    page = no_js_page
    sign_in(page, live_server, people[role].username, TEST_PASSWORD)
    assert page.locator(".site-nav").is_visible()
    widths = page.evaluate(FITS)
    assert widths["page"] <= 360, widths
    assert widths["nav"] <= 360 and widths["navBox"] <= 360, widths
    # Every link of the menu is on the screen, none hidden off its edge.
    for box in page.locator(".site-nav > a").evaluate_all(
        "links => links.map(a => a.getBoundingClientRect().right)"
    ):
        assert box <= 360
    # Sign-out is not beside หน้าแรก: it waits, closed, in the account's menu at the end.
    sign_out = page.get_by_role("button", name="ออกจากระบบ")
    assert not sign_out.is_visible()
    page.locator(".account-menu summary").click()
    assert sign_out.is_visible()
    assert page.evaluate(FITS)["page"] <= 360


def test_signing_out_from_the_account_menu_without_javascript(no_js_page, live_server, people):
    page = no_js_page
    sign_in(page, live_server, "leader", TEST_PASSWORD)
    assert page.get_by_role("link", name="หน้าแรก").is_visible()
    page.locator(".account-menu summary").click()
    assert page.get_by_role("link", name="เปลี่ยนรหัสผ่าน").is_visible()
    page.get_by_role("button", name="ออกจากระบบ").click()
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/")
    assert "/accounts/login/" in page.url
