"""The review queue: on a mentor's home and at /canvases/queue/, oldest first, fixed queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from canvases.models import CanvasStatus
from mentors.models import Mentor
from tests import factories


def wait(group, days, title):
    """A canvas of `group` whose version 1 was submitted `days` ago and waits."""
    canvas = factories.CanvasFactory(
        group=group, title=title, status=CanvasStatus.SUBMITTED, version_count=1, filled=True
    )
    return factories.CanvasVersionFactory(
        canvas=canvas, number=1, submitted_at=timezone.now() - datetime.timedelta(days=days)
    )


def test_the_mentor_home_lists_waiting_versions_above_the_groups_oldest_first(
    client, assigned_mentor, group
):
    newer = wait(group, 1, "มะละกอทอดกรอบ")
    older = wait(group, 9, "ล่องคลองมะรุย")
    factories.CanvasFactory(group=group, title="ร่างที่ยังไม่ส่ง")
    client.force_login(assigned_mentor)
    page = client.get(reverse("home")).content.decode()
    assert page.index("แผนที่รอท่านพิจารณา") < page.index("กลุ่มที่ฉันเป็นพี่เลี้ยง")
    assert page.index("ล่องคลองมะรุย") < page.index("มะละกอทอดกรอบ")
    assert "ร่างที่ยังไม่ส่ง" not in page
    assert "รอมาแล้ว 9 วัน" in page and "รอมาแล้ว 1 วัน" in page
    for version in (older, newer):
        assert reverse("canvases:version_review", args=[version.canvas_id, 1]) in page
    assert reverse("canvases:group_list", args=[group.pk]) in page
    assert reverse("canvases:queue") in page  # the nav link


def test_a_version_sent_today_says_so_with_a_buddhist_era_date(client, assigned_mentor, group):
    version = wait(group, 0, "ล่องคลองมะรุย")
    client.force_login(assigned_mentor)
    page = client.get(reverse("home")).content.decode()
    assert "ส่งมาวันนี้" in page
    assert str(timezone.localdate(version.submitted_at).year + 543) in page


def test_an_empty_queue_says_so(client, assigned_mentor):
    client.force_login(assigned_mentor)
    assert "ไม่มีแผนที่รอพิจารณา" in client.get(reverse("home")).content.decode()


def test_a_leader_has_no_queue(client, leader):
    client.force_login(leader)
    assert "แผนที่รอท่านพิจารณา" not in client.get(reverse("home")).content.decode()


@pytest.mark.parametrize(
    "persona,status",
    [
        ("assigned_mentor", 200),
        ("unassigned_mentor", 200),
        ("staff_south", 200),
        ("staff_other_region", 200),
        ("national_staff", 200),
        ("leader", 404),
        ("member", 404),
        ("outsider", 404),
    ],
)
def test_queue_page_access(request, client, group, persona, status):
    wait(group, 3, "ล่องคลองมะรุย")
    client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse("canvases:queue"))
    assert response.status_code == status
    if status == 200:
        sees = persona in {"assigned_mentor", "staff_south", "national_staff"}
        assert ("ล่องคลองมะรุย" in response.content.decode()) is sees


def test_anonymous_queue_goes_to_sign_in(client):
    response = client.get(reverse("canvases:queue"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_the_queue_page_pages_through_a_region(client, staff_south, group):
    for n in range(55):
        wait(group, n, f"แผน {n:02d}")
    client.force_login(staff_south)
    first = client.get(reverse("canvases:queue")).content.decode()
    assert "แผน 54" in first and "แผน 05" in first and "แผน 04" not in first
    second = client.get(reverse("canvases:queue") + "?page=2").content.decode()
    assert "แผน 04" in second and "แผน 00" in second


def mentor_with_groups(user, south, groups: int, waiting: int):
    """`user` mentors `groups` groups that have `waiting` versions waiting between them."""
    mentor = Mentor.objects.filter(user=user).first() or factories.MentorFactory(
        user=user, region=south
    )
    tambon = factories.TambonFactory(district__province__region=south)
    made = [factories.CommunityGroupFactory(tambon=tambon) for _ in range(groups)]
    for group in made:
        factories.AssignmentFactory(mentor=mentor, group=group)
    for n in range(waiting):
        wait(made[n % groups], n, f"แผน {n}")
    return made


@pytest.mark.parametrize("url", [reverse("home"), reverse("canvases:queue")], ids=["home", "queue"])
def test_queue_pages_run_a_fixed_number_of_queries(client, south, django_assert_num_queries, url):
    small = factories.UserFactory(username="mentor_small", role="mentor")
    large = factories.UserFactory(username="mentor_large", role="mentor")
    mentor_with_groups(small, south, groups=2, waiting=3)
    mentor_with_groups(large, south, groups=10, waiting=30)

    client.force_login(small)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        page = client.get(url).content.decode()
    # Read now: the captured list is a slice of a log the next request clears.
    count = len(few.captured_queries)
    assert page.count('class="list-group-item queue-row"') == 3

    client.force_login(large)
    client.get(url)
    with django_assert_num_queries(count):
        page = client.get(url).content.decode()
    assert page.count('class="list-group-item queue-row"') == (20 if url == "/" else 30)
    # The mentor's home reads the queue from the assignments it lists (no second read of
    # the groups followed): session, user, mentor, assignments, queue, memberships, bell.
    assert count == (7 if url == "/" else 6)
    print(f"\n{url}: {count} queries for 3 and for 30 waiting versions")


def test_the_staff_queue_runs_a_fixed_number_of_queries(
    client, south, staff_south, django_assert_num_queries
):
    tambon = factories.TambonFactory(district__province__region=south)
    groups = [factories.CommunityGroupFactory(tambon=tambon) for _ in range(3)]
    for n in range(3):
        wait(groups[n], n, f"แผน {n}")
    client.force_login(staff_south)
    url = reverse("canvases:queue")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    count = len(few.captured_queries)
    for n in range(3, 30):
        wait(groups[n % 3], n, f"แผน {n}")
    with django_assert_num_queries(count):
        page = client.get(url).content.decode()
    assert page.count('class="list-group-item queue-row"') == 30
