"""The plan and results pages run as many queries with one thread as with many, and one
fewer with none (no comments to read)."""

import pytest
from django.urls import reverse

from canvases import reviews, subjects
from canvases.selectors import SUBJECT_RESOLVED_SHOWN
from programme.models import Area
from programme.threads import PLAN_AREA, RESULT, result_topic
from tests.programme.conftest import make_result
from tests.programme.test_query_counts import count

pytestmark = pytest.mark.django_db


def discuss(kind_name, subject, topic, *, mentor, leader, resolve=False):
    kind = subjects.kind_named(kind_name)
    thread = reviews.thread_open(
        kind=kind, subject=subject, topic=topic, body="ความเห็น", by=mentor
    ).thread
    for _ in range(2):
        reviews.comment_reply(thread=thread, body="ตอบ", by=leader)
    if resolve:
        reviews.thread_resolve(thread=thread, by=mentor)


@pytest.mark.parametrize("who", ["mentor_user", "leader", "member"])
def test_the_plan_page_is_flat(request, client, group, leader, member, mentor, mentor_user, who):
    client.force_login(request.getfixturevalue(who))
    url = reverse("programme:plan", args=[group.pk])
    none = count(client, url)
    discuss(PLAN_AREA, group, "people", mentor=mentor_user, leader=leader)
    one = count(client, url)
    for area in Area.values:
        for _ in range(3):
            discuss(PLAN_AREA, group, area, mentor=mentor_user, leader=leader)
    for _ in range(SUBJECT_RESOLVED_SHOWN + 3):
        discuss(PLAN_AREA, group, "people", mentor=mentor_user, leader=leader, resolve=True)
    response = client.get(url)
    assert response.content.decode().count('class="thread ') == 13 + SUBJECT_RESOLVED_SHOWN
    assert count(client, url) == one == none + 1
    assert one <= 14


@pytest.mark.parametrize("who", ["mentor_user", "leader"])
def test_the_results_page_is_flat(request, client, group, leader, mentor, mentor_user, who):
    client.force_login(request.getfixturevalue(who))
    url = reverse("programme:results", args=[group.pk])
    results = [make_result(group, fiscal_year=2568, quarter=q) for q in (1, 2, 3, 4)]
    none = count(client, url)
    discuss(RESULT, results[0], result_topic(results[0]), mentor=mentor_user, leader=leader)
    one = count(client, url)
    for result in results:
        for _ in range(3):
            discuss(RESULT, result, result_topic(result), mentor=mentor_user, leader=leader)
    assert count(client, url) == one == none + 1
    assert one <= 14
