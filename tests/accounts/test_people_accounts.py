"""Accounts made from a phone number remember who made them; known people are never changed."""

import pytest

from accounts.models import AuditAction, AuditEntry, Role
from accounts.services import password_link_issue, user_change_role, user_get_or_create_by_phone

pytestmark = pytest.mark.django_db


def test_a_new_account_remembers_its_creator(staff_south):
    person, created = user_get_or_create_by_phone(
        phone="+66899999999", display_name="ลุงเอก", created_by=staff_south
    )
    assert created and person.created_by == staff_south and not person.has_usable_password()


def test_a_known_person_is_returned_unchanged(staff_south, leader):
    person, created = user_get_or_create_by_phone(
        phone=leader.phone, display_name="ชื่อใหม่", email="x@evil.test", created_by=staff_south
    )
    person.refresh_from_db()
    assert not created and person == leader
    assert person.display_name == "สมศักดิ์" and person.email == "" and person.created_by is None


def test_a_role_change_records_old_and_new(national_staff, leader):
    user_change_role(user=leader, role=Role.MENTOR, by=national_staff)
    entry = AuditEntry.objects.get()
    assert entry.action == AuditAction.ROLE_CHANGED
    assert entry.details == {"old": "community", "new": "mentor"}


def test_every_link_handed_out_is_recorded_without_its_token(staff_south):
    person, _created = user_get_or_create_by_phone(
        phone="+66899999999", display_name="ลุงเอก", created_by=staff_south
    )
    path = password_link_issue(user=person, by=staff_south)
    token = path.rstrip("/").rsplit("/", 1)[-1]
    entry = AuditEntry.objects.get(action=AuditAction.LINK_ISSUED)
    assert entry.actor == staff_south and entry.target_user == person
    assert token not in entry.summary + str(entry.details)
