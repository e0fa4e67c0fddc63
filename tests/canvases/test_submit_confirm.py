"""The step before sending a canvas: a page that works without JavaScript."""

import pytest
from django.urls import reverse

from canvases import services
from canvases.models import Canvas, CanvasStatus


def confirm_url(canvas):
    return reverse("canvases:submit_confirm", args=[canvas.pk])


def test_it_says_what_will_be_sent_and_how_to_take_it_back(as_leader, filled_canvas):
    response = as_leader.get(confirm_url(filled_canvas))
    assert response.status_code == 200
    page = response.content.decode()
    assert "ยืนยันการส่งแผนให้พิจารณา" in page
    assert "ฉบับที่ 1" in page
    assert "ถอนการส่ง" in page
    assert f'action="{reverse("canvases:submit", args=[filled_canvas.pk])}"' in page
    assert "ยืนยันส่งให้พิจารณา</button>" in page
    assert f'href="{filled_canvas.get_absolute_url()}"' in page  # back to editing
    # Showing the page sends nothing.
    assert Canvas.objects.get(pk=filled_canvas.pk).status == CanvasStatus.DRAFT


def test_an_unfinished_canvas_lists_the_blocks_to_write_and_offers_no_button(as_leader, canvas):
    services.canvas_save_blocks(
        canvas=canvas,
        by=canvas.created_by,
        blocks={"channels": "เพจเฟซบุ๊กของกลุ่ม ขายหน้าสวน"},
        base_revision=0,
        save_id="p",
    )
    page = as_leader.get(confirm_url(canvas)).content.decode()
    assert "ช่องที่ยังไม่ครบ" in page
    assert "#block-cost_structure" in page
    assert "#block-channels" not in page
    assert "ยืนยันส่งให้พิจารณา</button>" not in page


def test_the_next_number_after_changes_were_asked(as_leader, submitted_canvas, staff_south):
    version = submitted_canvas.versions.get()
    services.canvas_request_changes(
        canvas=submitted_canvas, version=version, by=staff_south, summary="แก้"
    )
    assert "ฉบับที่ 2" in as_leader.get(confirm_url(submitted_canvas)).content.decode()


def test_a_sent_canvas_goes_back_to_its_page(as_leader, submitted_canvas):
    response = as_leader.get(confirm_url(submitted_canvas), follow=True)
    assert response.redirect_chain[-1][0] == submitted_canvas.get_absolute_url()
    assert "จึงส่งไม่ได้" in response.content.decode()


def test_anonymous_is_sent_to_sign_in(client, filled_canvas):
    response = client.get(confirm_url(filled_canvas))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("persona,code", [("outsider", 404), ("member", 403), ("staff_south", 403)])
def test_only_the_groups_leaders_see_it(request, client, filled_canvas, persona, code):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(confirm_url(filled_canvas)).status_code == code


def test_the_editor_button_says_a_confirmation_follows(as_leader, filled_canvas):
    page = as_leader.get(filled_canvas.get_absolute_url()).content.decode()
    assert 'name="then_submit"' in page
    assert "ขั้นต่อไปจะให้ยืนยันก่อนส่ง" in page
    # The script goes to the confirmation page too, once the texts are saved.
    assert f'id="submit-confirm" href="{confirm_url(filled_canvas)}"' in page
