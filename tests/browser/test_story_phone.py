import pytest

from programme.models import Story
from tests import factories
from tests.browser.conftest import PHONE, sign_in
from tests.factories import TEST_PASSWORD
from tests.programme.photo_helpers import gps_exif, jpeg

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_mentor_writes_a_story_with_a_photo_and_anyone_reads_it_on_a_phone(
    browser, page, live_server, mentor_user, south, group, leader, tmp_path
):
    factories.AssignmentFactory(
        mentor=factories.MentorFactory(user=mentor_user, region=south), group=group
    )
    photo_file = tmp_path / "IMG_20250101_บ้านสมศักดิ์.jpg"
    photo_file.write_bytes(jpeg((3000, 2000), exif=gps_exif()))

    sign_in(page, live_server, "mentor", TEST_PASSWORD)
    page.goto(f"{live_server.url}/programme/groups/{group.pk}/")
    page.get_by_role("link", name="เรื่องเล่าของกลุ่มและภาพแผนบนกระดาษ").click()
    page.get_by_role("link", name="เขียนเรื่องเล่าใหม่").click()
    page.get_by_label("ชื่อเรื่อง").fill("ล่องคลองชมป่าชายเลน")
    page.locator("#id_body").fill("ชุมชนพาเที่ยวคลอง\n\nรายได้แบ่ง 60:40")
    page.get_by_role("button", name="บันทึกฉบับร่าง").click()
    page.wait_for_load_state()
    assert page.get_by_text("บันทึกเรื่องเล่าแล้ว").is_visible()

    page.locator("#id_image").set_input_files(str(photo_file))
    page.get_by_label("คำบรรยายภาพ").fill("ท่าเรือของชุมชน")
    page.get_by_role("button", name="อัปโหลดภาพ").click()
    page.wait_for_load_state()
    assert page.get_by_text("เพิ่มภาพแล้ว").is_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    page.get_by_role("button", name="เผยแพร่", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_text("เผยแพร่เรื่องเล่าแล้ว").is_visible()
    story = Story.objects.get()
    assert story.is_published

    # Someone who never signed in, on another phone.
    visitor = browser.new_context(viewport=PHONE, locale="th-TH", is_mobile=True)
    public = visitor.new_page()
    try:
        public.goto(f"{live_server.url}/stories/south/")
        public.get_by_role("link", name="ล่องคลองชมป่าชายเลน").click()
        public.wait_for_load_state()
        assert public.get_by_role("heading", name="ล่องคลองชมป่าชายเลน").is_visible()
        assert public.get_by_text("ท่าเรือของชุมชน").is_visible()
        image = public.get_by_role("img", name="ท่าเรือของชุมชน")
        public.wait_for_function(
            "() => [...document.images].every(i => i.complete && i.naturalWidth > 0)"
        )
        assert image.bounding_box()["width"] <= PHONE["width"]
        assert public.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
        html = public.content()
        assert "0812345678" not in html and leader.display_name not in html
    finally:
        visitor.close()
