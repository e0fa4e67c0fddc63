"""A group's four-area plan and its stage on a 360-px phone: the leader writes plan lines
(a half-filled line is refused beside it, keeping what was typed), and the mentor moves the
stage in two tabs at once without moving it twice."""

import pytest
from playwright.sync_api import expect

from programme.models import PlanItem, Stage, StageMove
from programme.selectors import current_stage
from tests import factories
from tests.browser.conftest import sign_in
from tests.browser.journeys import conftest as journeys
from tests.browser.journeys.conftest import fits_width, follow
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

devices = journeys.devices


def new_line(page, index=0):
    return page.locator("fieldset").filter(has_text="รายการใหม่").nth(index)


def test_a_leader_writes_the_plan_and_a_half_filled_line_keeps_its_words(
    devices, live_server, group, leader
):
    page = devices.phone().new_page()
    sign_in(page, live_server, "leader", TEST_PASSWORD)
    page.goto(f"{live_server.url}/programme/groups/{group.pk}/plan/")
    follow(page, page.get_by_role("link", name="เขียน/แก้ไขแผนพัฒนา").first)
    assert fits_width(page)

    first = new_line(page)
    first.get_by_label("ด้าน").select_option(label="คน")
    first.get_by_label("ทำอะไร").fill("อบรมทำบัญชีครัวเรือนให้สมาชิก")
    first.get_by_label("ใครทำ").fill("ป้าศรีกับ ธกส.")
    first.get_by_label("ภายในวันที่").fill("2027-03-31")
    second = new_line(page, 1)
    second.get_by_label("ด้าน").select_option(label="เครือข่าย")
    second.get_by_label("ใครทำ").fill("กลุ่มประมงพื้นบ้าน")  # what is forgotten
    follow(page, page.get_by_role("button", name="บันทึกแผน"))

    expect(page.get_by_text("บอกว่าจะทำอะไร")).to_be_visible()
    assert not PlanItem.objects.exists()  # nothing half-stored
    expect(new_line(page).get_by_label("ทำอะไร")).to_have_value("อบรมทำบัญชีครัวเรือนให้สมาชิก")
    expect(new_line(page, 1).get_by_label("ใครทำ")).to_have_value("กลุ่มประมงพื้นบ้าน")
    assert fits_width(page)

    new_line(page, 1).get_by_label("ทำอะไร").fill("ร่วมเส้นทางท่องเที่ยวกับกลุ่มประมง")
    follow(page, page.get_by_role("button", name="บันทึกแผน"))
    expect(page.get_by_text("อบรมทำบัญชีครัวเรือนให้สมาชิก")).to_be_visible()
    expect(page.get_by_text("ร่วมเส้นทางท่องเที่ยวกับกลุ่มประมง")).to_be_visible()
    assert sorted(PlanItem.objects.values_list("area", flat=True)) == ["networks", "people"]
    assert fits_width(page)


def test_a_mentor_moves_the_stage_in_two_tabs_and_it_moves_once(
    devices, live_server, group, mentor_user, south
):
    factories.AssignmentFactory(
        mentor=factories.MentorFactory(user=mentor_user, region=south), group=group
    )
    phone = devices.phone()
    first_tab = phone.new_page()
    sign_in(first_tab, live_server, "mentor", TEST_PASSWORD)
    overview = f"{live_server.url}/programme/groups/{group.pk}/"
    first_tab.goto(overview)
    second_tab = phone.new_page()
    second_tab.goto(overview)  # the same session, opened before the first tab moves

    first_tab.get_by_label("หมายเหตุ").fill("สำรวจทุนชุมชนครบแล้ว")
    follow(first_tab, first_tab.get_by_role("button", name="ไปขั้นถัดไป"))
    expect(first_tab.get_by_text("บันทึกขั้นตอนของกลุ่มแล้ว")).to_be_visible()
    assert fits_width(first_tab)

    follow(second_tab, second_tab.get_by_role("button", name="ไปขั้นถัดไป"))
    expect(second_tab.get_by_text("มีผู้เปลี่ยนขั้นตอนของกลุ่มไปก่อนแล้ว")).to_be_visible()
    assert current_stage(group) == Stage.DESIGN
    assert StageMove.objects.filter(group=group).count() == 1
    assert fits_width(second_tab)
