"""Photos of a paper canvas on a 360-px phone: from the canvas page's menu a leader
attaches a photo of the paper the forum wrote, sees its thumbnail, and removes it; an
assigned mentor reaches the same page from the canvas too."""

import pytest
from django.core.files.storage import default_storage
from playwright.sync_api import expect

from programme.models import PaperCanvasPhoto
from tests import factories
from tests.browser.conftest import PHONE, sign_in
from tests.browser.journeys.conftest import fits_width, follow
from tests.factories import TEST_PASSWORD
from tests.programme.photo_helpers import jpeg

pytestmark = pytest.mark.django_db(transaction=True)


def canvas_menu(page):
    return page.get_by_role("navigation", name="เมนูของแผน")


def test_a_leader_attaches_a_paper_photo_from_the_canvas_and_removes_it(
    page, live_server, group, leader, tmp_path
):
    canvas = factories.CanvasFactory(group=group, title="แผนล่องคลองมะรุ่ย", filled=True)
    photo_file = tmp_path / "กระดาษแผน.jpg"
    photo_file.write_bytes(jpeg((1200, 900)))

    sign_in(page, live_server, "leader", TEST_PASSWORD)
    page.goto(f"{live_server.url}/canvases/{canvas.pk}/")
    follow(page, canvas_menu(page).get_by_role("link", name="ภาพแผนบนกระดาษ"))
    expect(page.get_by_role("heading", name="ภาพแผนบนกระดาษ")).to_be_visible()
    expect(page.get_by_role("link", name="แผนล่องคลองมะรุ่ย")).to_be_visible()
    expect(page.get_by_text("ยังไม่มีภาพแผนบนกระดาษ")).to_be_visible()
    assert fits_width(page)

    page.locator("#id_image").set_input_files(str(photo_file))
    page.get_by_label("คำบรรยายภาพ").fill("กระดาษแผ่นที่ 1 จากเวทีอ่าวลึก")
    follow(page, page.get_by_role("button", name="แนบภาพ"))
    expect(page.get_by_text("แนบภาพแผนบนกระดาษแล้ว")).to_be_visible()
    photo = PaperCanvasPhoto.objects.get()
    assert (photo.canvas, photo.uploaded_by) == (canvas, leader)

    thumbnail = page.get_by_role("img", name="กระดาษแผ่นที่ 1 จากเวทีอ่าวลึก")
    expect(thumbnail).to_be_visible()
    expect(thumbnail).to_have_attribute(
        "src", f"/programme/canvases/{canvas.pk}/paper/{photo.pk}/?size=thumb"
    )
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=thumbnail.element_handle()
    )
    assert thumbnail.bounding_box()["width"] <= PHONE["width"]
    assert fits_width(page)

    files = (photo.image.name, photo.thumbnail.name)
    follow(page, page.get_by_role("button", name="ลบภาพนี้"))
    expect(page.get_by_text("ลบภาพแล้ว")).to_be_visible()
    expect(page.get_by_text("ยังไม่มีภาพแผนบนกระดาษ")).to_be_visible()
    expect(page.get_by_role("img", name="กระดาษแผ่นที่ 1 จากเวทีอ่าวลึก")).to_have_count(0)
    assert fits_width(page)
    assert not PaperCanvasPhoto.objects.exists()
    assert not any(default_storage.exists(name) for name in files)


def test_an_assigned_mentor_reaches_the_paper_photos_from_the_canvas(
    page, live_server, south, group, mentor_user
):
    factories.AssignmentFactory(
        mentor=factories.MentorFactory(user=mentor_user, region=south), group=group
    )
    canvas = factories.CanvasFactory(group=group, title="แผนกล้วยฉาบ", filled=True)

    sign_in(page, live_server, "mentor", TEST_PASSWORD)
    page.goto(f"{live_server.url}/canvases/{canvas.pk}/")
    assert fits_width(page)
    follow(page, canvas_menu(page).get_by_role("link", name="ภาพแผนบนกระดาษ"))
    expect(page.get_by_role("heading", name="ภาพแผนบนกระดาษ")).to_be_visible()
    expect(page.get_by_role("button", name="แนบภาพ")).to_be_visible()  # mentors attach too
    assert fits_width(page)
