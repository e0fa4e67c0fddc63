"""The long lists whose rows are written in Python (`cbmc_portal.rows`): a leader's and a
mentor's home, the review queue and a region's groups. Whatever a group, a plan or a
place is called, it is shown as text, never as markup, in Thai and in English."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from canvases.models import CanvasEvent, CanvasStatus, EventKind
from tests import factories

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script> & <b>'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;"


@pytest.fixture
def hostile_world(group, ao_luek_tai):
    group.name = f"กลุ่ม {HOSTILE}"
    group.name_en = f"Group {HOSTILE}"
    group.save()
    ao_luek_tai.place_th = f"ตำบล {HOSTILE}"
    ao_luek_tai.place_en = f"Tambon {HOSTILE}"
    ao_luek_tai.save()
    canvas = factories.CanvasFactory(
        group=group,
        title=f"แผน {HOSTILE}",
        filled=True,
        status=CanvasStatus.SUBMITTED,
        version_count=1,
    )
    factories.CanvasVersionFactory(
        canvas=canvas, number=1, submitted_at=timezone.now() - timezone.timedelta(days=8)
    )
    return canvas


def _page(client, user, name, language):
    client.force_login(user)
    client.cookies["django_language"] = language
    response = client.get(reverse(name), headers={"accept-language": language})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("language", ["th", "en"])
@pytest.mark.parametrize(
    "persona, page",
    [
        ("leader", "home"),
        ("assigned_mentor", "home"),
        ("assigned_mentor", "canvases:queue"),
        ("staff_south", "communities:group_list"),
    ],
)
def test_names_are_shown_as_text(client, request, hostile_world, persona, page, language):
    body = _page(client, request.getfixturevalue(persona), page, language)
    assert HOSTILE not in body
    assert "<b>" not in body
    assert body.count(ESCAPED) >= 2  # the group's name and its place, at least


def test_the_queue_says_how_long_a_plan_waited_in_red_after_a_week(
    client, assigned_mentor, hostile_world
):
    body = _page(client, assigned_mentor, "canvases:queue", "th")
    assert '<strong class="text-danger">รอมาแล้ว 8 วัน</strong>' in body
    body = _page(client, assigned_mentor, "canvases:queue", "en")
    assert "8 day" in body


def test_the_group_list_says_it_in_english_too(client, staff_south, hostile_world):
    body = _page(client, staff_south, "communities:group_list", "en")
    assert "ร่าง" not in body and "รอพิจารณา 1" not in body
    assert f'lang="en">Group {ESCAPED}</span>' in body


@pytest.mark.parametrize("language", ["th", "en"])
def test_threads_and_timeline_show_people_as_text(client, leader, group, language):
    """The editor's threads and timeline (`canvas_rows.thread_article`, `timeline_rows`)."""
    hostile_person = factories.UserFactory(username="hostile", display_name=f"พี่ {HOSTILE}")
    canvas = factories.CanvasFactory(group=group, title="แผน", version_count=1)
    version = factories.CanvasVersionFactory(canvas=canvas, number=1)
    thread = factories.CommentThreadFactory(version=version, opened_by=hostile_person)
    factories.CommentFactory(thread=thread, body=f"ข้อ 1\n{HOSTILE}")
    CanvasEvent.objects.create(
        canvas=canvas, kind=EventKind.SUBMITTED, version=version, actor=hostile_person
    )
    client.force_login(leader)
    client.cookies["django_language"] = language
    body = client.get(canvas.get_absolute_url()).content.decode()
    assert HOSTILE not in body and "<b>" not in body
    assert f"<strong>พี่ {ESCAPED}</strong>" in body  # the comment's author
    assert f"ข้อ 1<br>{ESCAPED}" in body  # the comment's lines
    assert f"พี่ {ESCAPED} · " in body  # who submitted, in the timeline
    assert f'href="{reverse("canvases:version", args=[canvas.pk, 1])}"' in body


def test_a_version_page_names_each_blocks_progress(client, leader, group):
    """Its badges said nothing before the cards were written in Python (no label passed)."""
    canvas = factories.CanvasFactory(group=group, title="แผน", version_count=1)
    factories.CanvasVersionFactory(canvas=canvas, number=1)
    client.force_login(leader)
    body = client.get(reverse("canvases:version", args=[canvas.pk, 1])).content.decode()
    badges = re.findall(r'data-progress="(\w+)">([^<]*)</span>', body)
    assert len(badges) == 9
    assert all(label.strip() for _progress, label in badges)


@pytest.mark.parametrize("language", ["th", "en"])
def test_the_coverage_page_shows_mentors_as_text(client, staff_south, south, krabi, language):
    """A province's tile names its mentors, and the loads table lists them
    (`coverage_rows.coverage_tiles`, `mentor_load_rows`)."""
    user = factories.UserFactory(username="hostile", display_name=f"พี่ {HOSTILE}")
    mentor = factories.MentorFactory(user=user, region=south, is_active=False)
    mentor.provinces.add(krabi)
    other = factories.MentorFactory(region=south, user__display_name=f"ก {HOSTILE}")
    other.provinces.add(krabi)
    body = _page(client, staff_south, "mentors:coverage", language)
    assert HOSTILE not in body and "<b>" not in body
    assert f"ก {ESCAPED}</span>" in body  # the active mentor, on Krabi's tile
    assert f'<a href="{reverse("mentors:mentor_detail", args=[mentor.pk])}">พี่ {ESCAPED}</a>' in body
    badge = "ไม่ได้ปฏิบัติงาน" if language == "th" else "Inactive"
    assert f'<span class="badge text-bg-secondary">{badge}</span>' in body
