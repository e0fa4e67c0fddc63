"""A decision sent with a mistake: the page opens on the decision form, the error beside the
field (and listed, linked, at the top of the form), the choice and the typed text kept."""

import re

import pytest
from django.urls import reverse

from canvases.models import Canvas, CanvasEvent, CanvasStatus


def post_decision(client, canvas, data):
    return client.post(reverse("canvases:review", args=[canvas.pk]), {"version": 1, **data})


def the_form(page: str) -> str:
    start = page.index('id="decision"')
    return page[start : page.index("</form>", start)]


def tag_of(html: str, element_id: str) -> str:
    """The opening tag of the element with that id."""
    return re.search(rf'<[^>]*\bid="{element_id}"[^>]*>', html).group()


@pytest.fixture
def as_mentor(client, assigned_mentor):
    client.force_login(assigned_mentor)
    return client


def test_the_decision_form_posts_to_its_own_anchor(as_mentor, submitted_canvas):
    page = as_mentor.get(reverse("canvases:version_review", args=[submitted_canvas.pk, 1]))
    action = reverse("canvases:review", args=[submitted_canvas.pk]) + "#decision"
    assert f'action="{action}"' in page.content.decode()


def test_asking_for_changes_without_a_summary_keeps_the_choice(as_mentor, submitted_canvas):
    events = CanvasEvent.objects.count()
    response = post_decision(as_mentor, submitted_canvas, {"decision": "request_changes"})

    assert response.status_code == 400
    form = the_form(response.content.decode())
    # The choice stays made.
    assert "checked" in tag_of(form, "id_decision_1") and 'value="request_changes"' in tag_of(
        form, "id_decision_1"
    )
    assert "checked" not in tag_of(form, "id_decision_0")
    # The error, in Thai, beside the summary and tied to it for screen readers.
    summary = tag_of(form, "id_summary")
    assert "is-invalid" in summary and 'aria-invalid="true"' in summary
    assert re.search(r'aria-describedby="[^"]*\bid_summary_error\b', summary)
    after_field = form[form.index('id="id_summary"') :]
    assert "กรุณาบอกว่าควรปรับแก้อะไร" in after_field
    # And listed at the top of the form, linked to the field.
    errors = form[form.index('id="decision-errors"') : form.index('id="id_decision_0"')]
    assert 'href="#id_summary"' in errors and "กรุณาบอกว่าควรปรับแก้อะไร" in errors
    # Nothing changed.
    assert Canvas.objects.get(pk=submitted_canvas.pk).status == CanvasStatus.SUBMITTED
    assert CanvasEvent.objects.count() == events


def test_a_summary_without_a_choice_keeps_the_text(as_mentor, submitted_canvas):
    typed = "เพิ่มช่องทางไลน์ <b>ด้วย</b>"
    response = post_decision(as_mentor, submitted_canvas, {"summary": typed})
    assert response.status_code == 400
    form = the_form(response.content.decode())
    assert "เพิ่มช่องทางไลน์ &lt;b&gt;ด้วย&lt;/b&gt;</textarea>" in form
    assert 'href="#id_decision_0"' in form and "กรุณาเลือกผลการพิจารณา" in form
    assert Canvas.objects.get(pk=submitted_canvas.pk).status == CanvasStatus.SUBMITTED


def test_a_summary_too_long_is_kept_and_told(as_mentor, submitted_canvas):
    response = post_decision(
        as_mentor, submitted_canvas, {"decision": "approve", "summary": "ก" * 5001}
    )
    assert response.status_code == 400
    form = the_form(response.content.decode())
    assert "ความเห็นสรุปยาวเกิน 5000 ตัวอักษร" in form
    assert "checked" in tag_of(form, "id_decision_0")
    assert "ก" * 5001 in form


def test_approving_without_a_summary_is_fine(as_mentor, submitted_canvas):
    response = post_decision(as_mentor, submitted_canvas, {"decision": "approve"})
    assert response.status_code == 302
    assert response.url.endswith("#decision")
    assert Canvas.objects.get(pk=submitted_canvas.pk).status == CanvasStatus.APPROVED


def test_asking_for_changes_with_a_summary_still_works(as_mentor, submitted_canvas):
    response = post_decision(
        as_mentor, submitted_canvas, {"decision": "request_changes", "summary": "เพิ่มช่องทาง"}
    )
    assert response.status_code == 302
    assert Canvas.objects.get(pk=submitted_canvas.pk).status == CanvasStatus.CHANGES_REQUESTED


def test_comment_and_reply_forms_post_to_their_own_anchor(as_mentor, submitted_canvas, thread):
    """A comment or a reply sent with a mistake comes back where it was typed, too."""
    page = as_mentor.get(
        reverse("canvases:version_review", args=[submitted_canvas.pk, 1])
    ).content.decode()
    comment = reverse("canvases:comment_create", args=[submitted_canvas.pk])
    assert f'action="{comment}#block-channels"' in page
    reply = reverse("canvases:thread_reply", args=[submitted_canvas.pk, thread.pk])
    assert f'action="{reply}#thread-{thread.pk}"' in page
