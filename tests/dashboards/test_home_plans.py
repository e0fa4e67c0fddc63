"""A leader's or member's home: each group with its plans, their state and the next step."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from canvases.models import CanvasEvent, CanvasStatus, EventKind
from communities.models import MembershipRole
from tests import factories

pytestmark = pytest.mark.django_db


def _submitted(group, title, status, *, open_threads=0, resolved_threads=0):
    canvas = factories.CanvasFactory(
        group=group, title=title, filled=True, status=status, version_count=1
    )
    version = factories.CanvasVersionFactory(canvas=canvas, number=1)
    keys = ["channels", "revenue_streams", "key_partners", "cost_structure"]
    for key in keys[:open_threads]:
        # Two threads on one block count as one block to mend.
        factories.CommentThreadFactory(version=version, block_key=key)
        factories.CommentThreadFactory(version=version, block_key=key)
    for key in keys[open_threads : open_threads + resolved_threads]:
        factories.CommentThreadFactory(version=version, block_key=key, resolved_at=timezone.now())
    return canvas, version


def _body(client, user):
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def test_each_plan_shows_its_state_and_next_step(client, leader, group):
    draft = factories.CanvasFactory(group=group, title="แผนข้าวไรซ์เบอร์รี่")
    draft.filled_blocks = 6
    draft.save()
    waiting, _v = _submitted(group, "แผนกะปิ", CanvasStatus.SUBMITTED)
    mend, _v = _submitted(
        group, "แผนล่องคลองมะรุย", CanvasStatus.CHANGES_REQUESTED, open_threads=2, resolved_threads=1
    )
    approved, version = _submitted(group, "แผนมะละกอกรอบ", CanvasStatus.APPROVED)
    event = CanvasEvent.objects.create(canvas=approved, kind=EventKind.APPROVED, version=version)
    CanvasEvent.objects.filter(pk=event.pk).update(
        at=timezone.make_aware(datetime.datetime(2026, 11, 24, 10, 0))
    )

    body = _body(client, leader)
    assert "เขียนแล้ว 6 จาก 9 ช่อง" in body
    assert "รอพี่เลี้ยงพิจารณา" in body
    assert "พี่เลี้ยงขอให้แก้ 2 ช่อง" in body
    assert "ผ่านการพิจารณาเมื่อ 24 พฤศจิกายน 2569" in body
    for canvas in (draft, waiting, mend, approved):
        assert f'href="{canvas.get_absolute_url()}"' in body
        assert canvas.title in body


def test_changes_requested_with_every_thread_closed_says_it_can_be_sent_again(
    client, leader, group
):
    _submitted(group, "แผนล่องคลอง", CanvasStatus.CHANGES_REQUESTED, resolved_threads=2)
    body = _body(client, leader)
    assert "แก้ครบทุกช่องที่พี่เลี้ยงขอแล้ว ส่งให้พิจารณาอีกครั้งได้" in body


def test_a_member_sees_the_plans_too(client, member, group):
    _submitted(group, "แผนกะปิ", CanvasStatus.SUBMITTED)
    body = _body(client, member)
    assert "แผนกะปิ" in body and "รอพี่เลี้ยงพิจารณา" in body


def test_a_group_without_plans_says_so(client, leader, group):
    body = _body(client, leader)
    assert "ยังไม่มีแผน" in body


def test_other_groups_plans_do_not_show(client, leader, group):
    factories.CanvasFactory(title="แผนของกลุ่มอื่น")
    body = _body(client, leader)
    assert "แผนของกลุ่มอื่น" not in body


def test_the_home_runs_a_fixed_number_of_queries(client, leader, group):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(leader)

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("home")).status_code == 200
        return len(captured)

    _submitted(group, "แผนแรก", CanvasStatus.CHANGES_REQUESTED, open_threads=1)
    small = count()
    for n in range(6):
        other = factories.CommunityGroupFactory(tambon=group.tambon)
        factories.MembershipFactory(group=other, user=leader, role=MembershipRole.MEMBER)
        factories.CanvasFactory(group=other, title=f"ร่าง {n}")
        _submitted(other, f"รอ {n}", CanvasStatus.SUBMITTED)
        _submitted(other, f"แก้ {n}", CanvasStatus.CHANGES_REQUESTED, open_threads=2)
        approved, version = _submitted(other, f"ผ่าน {n}", CanvasStatus.APPROVED)
        CanvasEvent.objects.create(canvas=approved, kind=EventKind.APPROVED, version=version)
    large = count()
    assert small == large
