"""Withdrawing a sent version: back to the state it was sent from, until a reviewer opens it."""

import pytest
from django.urls import reverse

from accounts.models import AuditAction, AuditEntry
from canvases import reviews, services
from canvases.models import Canvas, CanvasEvent, CanvasStatus, CanvasVersion, EventKind
from canvases.services import CanvasRefused
from tests import factories


def withdraw_url(canvas):
    return reverse("canvases:withdraw", args=[canvas.pk])


def review_url(canvas, number=1):
    return reverse("canvases:version_review", args=[canvas.pk, number])


def fresh(canvas):
    return Canvas.objects.get(pk=canvas.pk)


# --- the service ------------------------------------------------------------


def test_a_sent_draft_goes_back_to_draft_with_an_event_and_an_audit_entry(submitted_canvas, leader):
    version = services.canvas_withdraw(canvas=submitted_canvas, by=leader)

    assert version.number == 1
    assert version.withdrawn_at is not None
    canvas = fresh(submitted_canvas)
    assert canvas.status == CanvasStatus.DRAFT
    assert canvas.version_count == 1  # the number stays taken; the next send is version 2
    event = CanvasEvent.objects.filter(canvas=canvas).first()
    assert (event.kind, event.actor, event.version) == (EventKind.WITHDRAWN, leader, version)
    entry = AuditEntry.objects.filter(action=AuditAction.CANVAS_TRANSITION).latest("pk")
    assert entry.actor == leader
    assert entry.details == {"kind": "withdrawn", "version": 1}


def test_a_version_sent_after_changes_were_asked_goes_back_to_changes_requested(
    submitted_canvas, leader, staff_south
):
    first = submitted_canvas.versions.get(number=1)
    services.canvas_request_changes(
        canvas=submitted_canvas, version=first, by=staff_south, summary="เพิ่มช่องทาง"
    )
    second = services.canvas_submit(canvas=submitted_canvas, by=leader)
    assert second.submitted_from == CanvasStatus.CHANGES_REQUESTED

    services.canvas_withdraw(canvas=submitted_canvas, by=leader)

    assert fresh(submitted_canvas).status == CanvasStatus.CHANGES_REQUESTED


def test_sending_again_after_a_withdrawal_makes_the_next_version(submitted_canvas, leader):
    services.canvas_withdraw(canvas=submitted_canvas, by=leader)
    again = services.canvas_submit(canvas=submitted_canvas, by=leader)
    assert again.number == 2
    assert again.opened_at is None


@pytest.mark.parametrize("fixture", ["filled_canvas", "approved_canvas"])
def test_nothing_to_withdraw_unless_sent(request, fixture, leader):
    canvas = request.getfixturevalue(fixture)
    before = (fresh(canvas).status, CanvasEvent.objects.count())
    with pytest.raises(CanvasRefused):
        services.canvas_withdraw(canvas=canvas, by=leader)
    assert (fresh(canvas).status, CanvasEvent.objects.count()) == before


def test_refused_in_thai_once_a_reviewer_opened_it(submitted_canvas, leader, assigned_mentor):
    assert services.version_record_opening(
        canvas_id=submitted_canvas.pk, number=1, by=assigned_mentor
    )
    with pytest.raises(CanvasRefused) as refused:
        services.canvas_withdraw(canvas=submitted_canvas, by=leader)
    assert "เปิดดูแผนฉบับนี้แล้ว" in refused.value.message
    assert fresh(submitted_canvas).status == CanvasStatus.SUBMITTED


def test_only_the_first_opening_is_recorded(submitted_canvas, assigned_mentor, staff_south):
    assert services.version_record_opening(
        canvas_id=submitted_canvas.pk, number=1, by=assigned_mentor
    )
    first = CanvasVersion.objects.get(canvas=submitted_canvas, number=1)
    assert not services.version_record_opening(
        canvas_id=submitted_canvas.pk, number=1, by=staff_south
    )
    again = CanvasVersion.objects.get(canvas=submitted_canvas, number=1)
    assert (again.opened_at, again.opened_by) == (first.opened_at, assigned_mentor)


@pytest.mark.parametrize("persona", ["leader", "member", "unassigned_mentor"])
def test_readers_who_do_not_review_are_not_recorded(request, submitted_canvas, persona):
    user = request.getfixturevalue(persona)
    assert not services.version_record_opening(canvas_id=submitted_canvas.pk, number=1, by=user)
    assert CanvasVersion.objects.get(canvas=submitted_canvas).opened_at is None


# --- the review page records the first opening in the same request ---------


def test_a_mentor_opening_the_review_page_ends_the_withdrawal(
    client, submitted_canvas, assigned_mentor, leader
):
    client.force_login(assigned_mentor)
    assert client.get(review_url(submitted_canvas)).status_code == 200
    version = CanvasVersion.objects.get(canvas=submitted_canvas, number=1)
    assert version.opened_by == assigned_mentor

    client.force_login(leader)
    page = client.get(submitted_canvas.get_absolute_url()).content.decode()
    assert "ถอนการส่ง</button>" not in page
    assert "ผู้พิจารณาเปิดดูแล้วเมื่อ" in page
    response = client.post(withdraw_url(submitted_canvas), follow=True)
    assert "ถอนการส่งไม่ได้แล้ว" in response.content.decode()
    assert fresh(submitted_canvas).status == CanvasStatus.SUBMITTED


@pytest.mark.parametrize("persona", ["leader", "member"])
def test_the_group_reading_the_review_page_does_not_count(
    request, client, submitted_canvas, persona
):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(review_url(submitted_canvas)).status_code == 200
    assert CanvasVersion.objects.get(canvas=submitted_canvas).opened_at is None


def test_an_outsider_is_not_recorded(client, submitted_canvas, outsider):
    client.force_login(outsider)
    assert client.get(review_url(submitted_canvas)).status_code == 404
    assert CanvasVersion.objects.get(canvas=submitted_canvas).opened_at is None


def test_a_mentor_opening_a_withdrawn_version_is_not_recorded(
    client, submitted_canvas, leader, assigned_mentor
):
    services.canvas_withdraw(canvas=submitted_canvas, by=leader)
    client.force_login(assigned_mentor)
    assert client.get(review_url(submitted_canvas)).status_code == 200
    assert CanvasVersion.objects.get(canvas=submitted_canvas).opened_at is None


# --- the view ----------------------------------------------------------------


def test_the_leader_sees_the_button_and_withdraws(
    client, submitted_canvas, leader, assigned_mentor
):
    client.force_login(leader)
    page = client.get(submitted_canvas.get_absolute_url()).content.decode()
    assert "ถอนการส่ง</button>" in page
    assert withdraw_url(submitted_canvas) in page

    response = client.post(withdraw_url(submitted_canvas))

    assert response.status_code == 302
    assert response["Location"] == submitted_canvas.get_absolute_url()
    assert fresh(submitted_canvas).status == CanvasStatus.DRAFT
    page = client.get(response["Location"]).content.decode()
    assert "ถอนการส่งฉบับที่ 1 แล้ว" in page
    assert 'id="canvas-editor"' in page
    # The mentors told of the sending are told it was taken back.
    told = assigned_mentor.notifications.get(event="canvas_withdrawn")
    assert "ถอนแผน" in told.text


def test_a_draft_shows_no_withdraw_button(client, filled_canvas, leader):
    client.force_login(leader)
    page = client.get(filled_canvas.get_absolute_url()).content.decode()
    assert withdraw_url(filled_canvas) not in page


def test_withdrawing_a_draft_says_why_and_changes_nothing(client, filled_canvas, leader):
    client.force_login(leader)
    response = client.post(withdraw_url(filled_canvas), follow=True)
    assert "ไม่มีอะไรให้ถอน" in response.content.decode()
    assert not CanvasEvent.objects.filter(kind=EventKind.WITHDRAWN).exists()


def test_anonymous_is_sent_to_sign_in(client, submitted_canvas):
    response = client.post(withdraw_url(submitted_canvas))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert fresh(submitted_canvas).status == CanvasStatus.SUBMITTED


@pytest.mark.parametrize(
    "persona,code",
    [("outsider", 404), ("member", 403), ("assigned_mentor", 403), ("staff_south", 403)],
)
def test_only_the_groups_leaders_withdraw(request, client, submitted_canvas, persona, code):
    client.force_login(request.getfixturevalue(persona))
    assert client.post(withdraw_url(submitted_canvas)).status_code == code
    assert fresh(submitted_canvas).status == CanvasStatus.SUBMITTED


def test_get_is_not_allowed(client, submitted_canvas, leader):
    client.force_login(leader)
    assert client.get(withdraw_url(submitted_canvas)).status_code == 405


def test_a_co_leader_may_withdraw_too(client, submitted_canvas, co_leader):
    client.force_login(co_leader)
    client.post(withdraw_url(submitted_canvas))
    assert fresh(submitted_canvas).status == CanvasStatus.DRAFT


def test_reviews_still_work_on_the_next_version(submitted_canvas, leader, assigned_mentor):
    services.canvas_withdraw(canvas=submitted_canvas, by=leader)
    version = services.canvas_submit(canvas=submitted_canvas, by=leader)
    reviews.review_decide(version=version, by=assigned_mentor, decision="approve", summary="ดีแล้ว")
    assert fresh(submitted_canvas).status == CanvasStatus.APPROVED
    assert version.blocks == factories.THAI_BLOCKS


def test_opening_an_older_version_does_not_count_for_the_waiting_one(
    client, resubmitted_canvas, assigned_mentor
):
    client.force_login(assigned_mentor)
    assert client.get(review_url(resubmitted_canvas, 1)).status_code == 200
    opened = dict(
        CanvasVersion.objects.filter(canvas=resubmitted_canvas).values_list("number", "opened_at")
    )
    assert opened[2] is None
