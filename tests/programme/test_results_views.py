"""Entering, correcting, confirming and un-confirming a group's results."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditAction, AuditEntry
from cbmc_portal.fiscal import fiscal_year_of
from programme.models import Result
from tests.programme.conftest import RESULT_POST, approve_a_canvas, make_result

pytestmark = pytest.mark.django_db


def entry_url(group):
    return reverse("programme:result_entry", args=[group.pk])


def test_a_leader_enters_a_quarter(client, group, leader):
    client.force_login(leader)
    assert client.get(entry_url(group)).status_code == 200
    response = client.post(entry_url(group), RESULT_POST)
    assert response.status_code == 302
    result = Result.objects.get(group=group)
    assert result.income == Decimal("15500.50")
    assert result.channels == ["farm_gate", "online"]
    assert (result.family_share, result.community_share) == (60, 40)
    assert result.entered_by == leader
    assert not result.is_confirmed


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"income": "-100"}, "income", "ต้องไม่ติดลบ"),
        ({"costs": "-1"}, "costs", "ต้องไม่ติดลบ"),
        ({"household_debt": "-5"}, "household_debt", "ต้องไม่ติดลบ"),
        ({"members_earning": "-3"}, "members_earning", "ต้องไม่ติดลบ"),
        ({"income": "หนึ่งหมื่น"}, "income", "กรอกเป็นตัวเลข"),
        ({"family_share": "70", "community_share": "40"}, "community_share", "รวมกันต้องได้ 100"),
        ({"quarter": "5"}, "quarter", "เลือกไตรมาส 1 ถึง 4"),
        ({"fiscal_year": "2025"}, "fiscal_year", "ปีงบประมาณต้องเป็นปี พ.ศ."),
        ({"fiscal_year": "99999999999999999999"}, "fiscal_year", "ปีงบประมาณ"),
        ({"fiscal_year": str(fiscal_year_of(timezone.localdate()) + 1)}, "quarter", "ยังไม่เริ่ม"),
    ],
)
def test_bad_input_is_refused_beside_its_field_and_kept(
    client, group, leader, changes, field, message
):
    client.force_login(leader)
    response = client.post(entry_url(group), RESULT_POST | changes)
    assert response.status_code == 200
    form = response.context["form"]
    assert any(message in error for error in form.errors[field])
    assert message in response.content.decode()
    for name, value in changes.items():  # what was typed is still there
        assert value in response.content.decode(), name
    assert not Result.objects.exists()


def test_a_second_entry_for_the_same_period_is_refused(client, group, leader):
    make_result(group, income=Decimal(1))
    client.force_login(leader)
    response = client.post(entry_url(group), RESULT_POST)
    assert response.status_code == 200
    assert "มีผลลัพธ์ของช่วงนี้แล้ว" in response.content.decode()
    assert Result.objects.get().income == Decimal(1)


def test_a_leader_corrects_an_unconfirmed_result(client, group, leader):
    make_result(group, income=Decimal(1))
    client.force_login(leader)
    response = client.get(entry_url(group), {"fiscal_year": 2568, "quarter": 1})
    assert response.context["form"].initial["editing"] is True
    html = response.content.decode()
    assert "ไตรมาส 1/2568" in html
    assert 'type="hidden" name="quarter" value="1"' in html
    response = client.post(entry_url(group), RESULT_POST | {"editing": "True"})
    assert response.status_code == 302
    assert Result.objects.get().income == Decimal("15500.50")


def test_a_confirmed_result_is_read_only(client, group, leader, mentor_user, mentor):
    make_result(group, income=Decimal(1), confirmed_by=mentor_user)
    client.force_login(leader)
    response = client.get(entry_url(group), {"fiscal_year": 2568, "quarter": 1})
    assert response.status_code == 302
    response = client.post(entry_url(group), RESULT_POST | {"editing": "True"})
    assert response.status_code == 200
    assert "ยืนยันแล้ว แก้ไขไม่ได้" in response.content.decode()
    assert Result.objects.get().income == Decimal(1)


def test_the_mentor_confirms_and_unconfirms_with_a_note(client, group, leader, mentor_user, mentor):
    result = make_result(group)
    client.force_login(mentor_user)
    url = reverse("programme:result_confirm", args=[group.pk])
    assert client.post(url, {"fiscal_year": 2568, "quarter": 1}).status_code == 302
    result.refresh_from_db()
    assert result.confirmed_by == mentor_user
    unconfirm = reverse("programme:result_unconfirm", args=[group.pk])
    client.post(unconfirm, {"fiscal_year": 2568, "quarter": 1, "note": ""})
    result.refresh_from_db()
    assert result.is_confirmed  # a note is required
    client.post(unconfirm, {"fiscal_year": 2568, "quarter": 1, "note": "ตัวเลขต้นทุนไม่ครบ"})
    result.refresh_from_db()
    assert not result.is_confirmed
    assert result.unconfirm_note == "ตัวเลขต้นทุนไม่ครบ"
    entries = AuditEntry.objects.filter(action=AuditAction.RESULT_CONFIRMATION)
    assert entries.count() == 2
    assert entries.filter(actor=mentor_user).count() == 2


def test_confirming_a_period_without_results_is_404(client, group, mentor_user, mentor):
    client.force_login(mentor_user)
    url = reverse("programme:result_confirm", args=[group.pk])
    assert client.post(url, {"fiscal_year": 2568, "quarter": 2}).status_code == 404


def test_results_page_shows_chart_table_and_before_after(client, group, member):
    make_result(group, fiscal_year=2568, quarter=1, income=Decimal(1000))
    make_result(group, fiscal_year=2568, quarter=3, income=Decimal(3000))
    make_result(group, fiscal_year=2568, quarter=0, income=Decimal(9000))
    approve_a_canvas(group, datetime.date(2025, 2, 10))  # in quarter 2/2568
    client.force_login(member)
    response = client.get(reverse("programme:results", args=[group.pk]))
    html = response.content.decode()
    assert html.count('aria-labelledby="chart-') == 2  # quarters and years
    assert "ก่อน" in html and "หลัง" in html
    moments = [row.moment for row in response.context["rows"]]
    assert moments == ["approved", "before", "after"]  # year, Q1, Q3 (ordered by quarter)
    assert "ไตรมาส 3/2568" in html and "3,000" in html
