"""A group's stories: writing, publishing, and the public pages of each region."""

import re

import pytest
from django.urls import reverse

from accounts.models import AuditEntry
from programme.models import Story, StoryPhoto
from tests.programme.photo_helpers import jpeg, photo_like_jpeg, upload
from tests.programme.story_helpers import add_photo, approved_canvas, make_story

pytestmark = pytest.mark.django_db

STORY_POST = {"title": "ล่องคลองมะรุ่ย", "body": "ย่อหน้าแรก\n\nย่อหน้าที่สอง", "link_canvas": "on"}


def public_url(story):
    return reverse("stories:story", args=[story.group.tambon.province.region.slug, story.pk])


# Writing --------------------------------------------------------------------------------


def test_it_lets_an_assigned_mentor_write_a_draft(client, group, mentor):
    client.force_login(mentor.user)
    response = client.post(reverse("programme:story_new", args=[group.pk]), STORY_POST)
    story = Story.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("programme:story_edit", args=[story.pk])
    assert (story.group, story.author, story.link_canvas) == (group, mentor.user, True)
    assert story.published_at is None


@pytest.mark.parametrize("persona", ["staff_south", "national_staff"])
def test_it_lets_staff_write(client, group, persona, request):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(reverse("programme:story_new", args=[group.pk]), STORY_POST)
    assert response.status_code == 302
    assert Story.objects.count() == 1


@pytest.mark.parametrize("persona", ["leader", "member"])
def test_it_refuses_group_readers_who_do_not_write_with_403(client, group, persona, request):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(reverse("programme:story_new", args=[group.pk]), STORY_POST)
    assert response.status_code == 403
    assert not Story.objects.exists()


@pytest.mark.parametrize("persona", ["outsider", "staff_other_region", "other_mentor_user"])
def test_it_hides_the_group_from_outsiders_with_404(client, group, persona, request):
    story = make_story(group, published=False)
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("programme:stories", args=[group.pk])).status_code == 404
    assert client.get(reverse("programme:story_detail", args=[story.pk])).status_code == 404
    assert (
        client.post(reverse("programme:story_new", args=[group.pk]), STORY_POST).status_code == 404
    )


def test_it_lets_members_read_a_draft(client, group, member):
    story = make_story(group, published=False, title="ร่างเรื่องเล่า")
    client.force_login(member)
    response = client.get(reverse("programme:story_detail", args=[story.pk]))
    assert response.status_code == 200
    assert "ร่างเรื่องเล่า" in response.content.decode()


def test_it_refuses_markup_with_a_clear_message_and_stores_nothing(client, group, staff_south):
    client.force_login(staff_south)
    response = client.post(
        reverse("programme:story_new", args=[group.pk]),
        {"title": "เรื่อง<script>alert(1)</script>", "body": "<b>ตัวหนา</b>"},
    )
    assert response.status_code == 200
    assert "ไม่ใช้แท็ก HTML" in response.content.decode()
    assert not Story.objects.exists()


def test_it_accepts_a_lone_less_than_sign(client, group, staff_south):
    client.force_login(staff_south)
    body = {"title": "ราคา < 100 บาท", "body": "ขายได้ 3 < 5 ชิ้น"}
    client.post(reverse("programme:story_new", args=[group.pk]), body)
    assert Story.objects.get().title == "ราคา < 100 บาท"


def test_it_escapes_any_markup_already_stored(client, group):
    story = make_story(group, title="<i>ชื่อ</i>", body="<script>alert(1)</script>\n\nต่อ")
    html = client.get(public_url(story)).content.decode()
    assert "<script>alert(1)</script>" not in html and "<i>ชื่อ</i>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<p>ต่อ</p>" in html  # blank lines make paragraphs


def test_it_publishes_and_unpublishes_with_an_audit_entry(client, group, mentor):
    story = make_story(group, published=False)
    client.force_login(mentor.user)
    url = reverse("programme:story_publish", args=[story.pk])

    client.post(url, {"published": "1"})
    story.refresh_from_db()
    assert story.is_published
    assert client.get(public_url(story)).status_code == 200

    client.post(url, {"published": "0"})
    story.refresh_from_db()
    assert not story.is_published
    client.logout()
    assert client.get(public_url(story)).status_code == 404
    entries = AuditEntry.objects.filter(action="story_publication", target_id=story.pk)
    assert [e.details["published"] for e in entries.order_by("pk")] == [True, False]


# Photos -----------------------------------------------------------------------------------


def test_it_adds_a_photo_under_a_random_name(client, group, staff_south):
    story = make_story(group, published=False)
    client.force_login(staff_south)
    response = client.post(
        reverse("programme:story_photo_add", args=[story.pk]),
        {"image": upload(jpeg((3000, 2000)), name="บ้านสมศักดิ์.jpg"), "caption": "ท่าเรือ"},
    )
    assert response.status_code == 302
    photo = StoryPhoto.objects.get()
    assert "สมศักดิ์" not in photo.image.name and photo.image.name.endswith(".jpg")
    assert (photo.width, photo.height, photo.caption) == (1280, 853, "ท่าเรือ")


def stored_files() -> list[str]:
    import os

    from django.conf import settings

    return [name for _, _, names in os.walk(settings.MEDIA_ROOT) for name in names]


def test_it_answers_a_50_mb_upload_with_a_clear_message(client, group, staff_south):
    story = make_story(group, published=False)
    client.force_login(staff_south)
    before = stored_files()
    huge = b"\xff\xd8\xff\xe0" + b"\0" * (50 * 1024 * 1024)
    response = client.post(
        reverse("programme:story_photo_add", args=[story.pk]), {"image": upload(huge)}
    )
    assert response.status_code == 200
    assert "ไฟล์ภาพใหญ่เกินไป (เกิน 10 MB)" in response.content.decode()
    assert not StoryPhoto.objects.exists()
    assert stored_files() == before


def test_it_answers_a_non_image_with_a_clear_message(client, group, staff_south):
    story = make_story(group, published=False)
    client.force_login(staff_south)
    before = stored_files()
    response = client.post(
        reverse("programme:story_photo_add", args=[story.pk]),
        {"image": upload(b"MZ\x90\x00 not a photo", name="virus.exe")},
    )
    assert response.status_code == 200
    assert "ไม่ใช่ภาพที่เปิดได้" in response.content.decode()
    assert not StoryPhoto.objects.exists()
    assert stored_files() == before


def test_it_stops_at_the_photo_limit(client, group, staff_south, settings):
    story = make_story(group, published=False)
    for _ in range(12):
        add_photo(story, size=(64, 48))
    client.force_login(staff_south)
    response = client.post(
        reverse("programme:story_photo_add", args=[story.pk]), {"image": upload(jpeg((64, 48)))}
    )
    assert "ไม่เกิน 12 ภาพ" in response.content.decode()
    assert StoryPhoto.objects.count() == 12


def test_it_serves_a_draft_photo_only_to_readers_and_privately(client, group, member, outsider):
    photo = add_photo(make_story(group, published=False))
    url = reverse("programme:story_photo", args=[photo.story_id, photo.pk])
    assert client.get(url).status_code == 302  # to sign in
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(member)
    response = client.get(url + "?size=thumb")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"].startswith("private")
    public = reverse("stories:photo", args=["south", photo.story_id, photo.pk])
    client.logout()
    assert client.get(public).status_code == 404  # a draft's photo is not public


def test_it_serves_a_published_photo_to_anyone_with_public_caching(client, group):
    photo = add_photo(make_story(group))
    response = client.get(reverse("stories:photo", args=["south", photo.story_id, photo.pk]))
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("public")
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"


def test_it_deletes_a_photo_and_its_files(
    client, group, staff_south, django_capture_on_commit_callbacks
):
    from django.core.files.storage import default_storage

    photo = add_photo(make_story(group, published=False))
    names = (photo.image.name, photo.thumbnail.name)
    client.force_login(staff_south)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("programme:story_photo_delete", args=[photo.story_id, photo.pk]))
    assert not StoryPhoto.objects.exists()
    assert not any(default_storage.exists(name) for name in names)


# Public pages -------------------------------------------------------------------------------


def test_the_region_page_lists_only_published_stories(client, group, south, north):
    make_story(group, title="เผยแพร่แล้ว")
    make_story(group, title="ยังเป็นร่าง", published=False)
    from tests import factories

    elsewhere = factories.CommunityGroupFactory(
        tambon=factories.TambonFactory(district__province__region=north)
    )
    make_story(elsewhere, title="ของภาคเหนือ")
    html = client.get(reverse("stories:region", args=["south"])).content.decode()
    assert "เผยแพร่แล้ว" in html and group.name in html and "อ่าวลึกใต้" in html
    assert "ยังเป็นร่าง" not in html and "ของภาคเหนือ" not in html
    # The region by its number works too.
    assert client.get(reverse("stories:region", args=[south.pk])).status_code == 200
    assert client.get(reverse("stories:region", args=["nowhere"])).status_code == 404


def test_a_story_of_another_region_is_404(client, group, north):
    story = make_story(group)
    assert client.get(reverse("stories:story", args=["north", story.pk])).status_code == 404


def test_public_pages_show_no_phone_number_or_person(client, group, leader, mentor):
    group.contact_phone = "0812345678"
    group.save()
    story = make_story(group, author=mentor.user, link_canvas=True)
    add_photo(story)
    canvas, _ = approved_canvas(group)
    pages = [
        reverse("stories:region", args=["south"]),
        public_url(story),
        reverse("stories:canvas", args=["south", story.pk, canvas.pk]),
    ]
    for url in pages:
        html = client.get(url).content.decode()
        for private in ("0812345678", "081-234-5678", "+66812345678", "812345678"):
            assert private not in html, (url, private)
        assert leader.display_name not in html and mentor.user.name not in html


def test_the_story_links_the_approved_canvas_only_when_the_group_agrees(client, group):
    canvas, version = approved_canvas(group)
    agreed = make_story(group, link_canvas=True)
    not_agreed = make_story(group, link_canvas=False)
    link = reverse("stories:canvas", args=["south", agreed.pk, canvas.pk])
    assert link in client.get(public_url(agreed)).content.decode()
    html = client.get(public_url(not_agreed)).content.decode()
    assert "/canvas/" not in html
    assert (
        client.get(reverse("stories:canvas", args=["south", not_agreed.pk, canvas.pk])).status_code
        == 404
    )


def test_the_public_canvas_shows_the_approved_version_not_the_draft(client, group):
    canvas, version = approved_canvas(group)
    version.blocks = dict(version.blocks, channels="ช่องทางฉบับที่ผ่าน")
    version.save()
    canvas.blocks = dict(canvas.blocks, channels="ข้อความร่างใหม่ที่ยังไม่ผ่าน")
    canvas.save()
    story = make_story(group, link_canvas=True)
    html = client.get(
        reverse("stories:canvas", args=["south", story.pk, canvas.pk])
    ).content.decode()
    assert "ช่องทางฉบับที่ผ่าน" in html
    assert "ข้อความร่างใหม่ที่ยังไม่ผ่าน" not in html


def test_no_link_without_an_approved_version(client, group):
    from tests import factories

    canvas = factories.CanvasFactory(group=group, filled=True)  # a draft, never approved
    story = make_story(group, link_canvas=True)
    assert "/canvas/" not in client.get(public_url(story)).content.decode()
    assert (
        client.get(reverse("stories:canvas", args=["south", story.pk, canvas.pk])).status_code
        == 404
    )


def test_the_public_story_page_stays_under_200_kb_with_large_photos(client, group):
    from programme import photos

    story = make_story(group, body="เรื่องยาว\n\n" * 200)
    camera = photo_like_jpeg((4000, 3000))  # a camera photo of about 2.5 MB
    for _ in range(6):
        processed = photos.process_photo(upload(camera))
        photos.story_photo_add(story=story, by=None, photo=processed)
    response = client.get(public_url(story), HTTP_ACCEPT_ENCODING="identity")
    html = response.content.decode()
    total = len(response.content)
    # Every image the page shows, as the browser would fetch them (the lazy ones included).
    for src in re.findall(r'<img src="([^"]+)"', html):
        image = client.get(src.replace("&amp;", "&"))
        assert image.status_code == 200
        total += len(b"".join(image.streaming_content))
    assert html.count("<img ") == 6
    assert html.count('loading="lazy"') == 5 and 'width="480"' in html
    assert total < 200 * 1024, total
