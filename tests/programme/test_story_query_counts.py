"""Story and photo pages run the same number of queries for one story or photo and for many."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from programme import photos
from tests import factories
from tests.programme.photo_helpers import jpeg, upload
from tests.programme.story_helpers import add_photo, approved_canvas, make_story

pytestmark = pytest.mark.django_db


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def paper_photo(canvas, by):
    photo = photos.process_photo(upload(jpeg((64, 48))))
    return photos.paper_photo_add(canvas=canvas, by=by, photo=photo)


def pages(group, story, canvas):
    region = "south"
    return {
        "public list": (None, reverse("stories:region", args=[region])),
        "public story": (None, reverse("stories:story", args=[region, story.pk])),
        "public canvas": (None, reverse("stories:canvas", args=[region, story.pk, canvas.pk])),
        "group stories": ("mentor", reverse("programme:stories", args=[group.pk])),
        "story detail": ("mentor", reverse("programme:story_detail", args=[story.pk])),
        "story edit": ("mentor", reverse("programme:story_edit", args=[story.pk])),
        "paper": ("leader", reverse("programme:paper", args=[canvas.pk])),
    }


def measure(client, users, group, story, canvas) -> dict:
    seen = {}
    for name, (persona, url) in pages(group, story, canvas).items():
        client.logout()
        if persona:
            client.force_login(users[persona])
        seen[name] = count(client, url)
    return seen


def test_story_pages_run_a_fixed_number_of_queries(client, group, leader, mentor):
    users = {"mentor": mentor.user, "leader": leader}
    story = make_story(group, link_canvas=True, author=mentor.user)
    add_photo(story, size=(64, 48))
    canvas, _ = approved_canvas(group)
    paper_photo(canvas, leader)
    few = measure(client, users, group, story, canvas)

    for index in range(8):
        other = make_story(group, title=f"เรื่องที่ {index}", author=mentor.user)
        add_photo(other, size=(64, 48))
        add_photo(story, size=(64, 48))
        paper_photo(canvas, leader if index % 2 else mentor.user)
        factories.CanvasFactory(group=group)
    approved_canvas(group, title="แผนที่สอง")
    many = measure(client, users, group, story, canvas)
    assert many == few
