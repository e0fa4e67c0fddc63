"""Photos of paper canvases: leaders and assigned mentors attach them, readers see them."""

import pytest
from django.urls import reverse

from programme import photos
from programme.models import PaperCanvasPhoto
from tests import factories
from tests.programme.photo_helpers import jpeg, png_with_gps, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def canvas(group):
    return factories.CanvasFactory(group=group, title="แผนกล้วยฉาบ")


def attach(canvas, by):
    photo = photos.process_photo(upload(jpeg((2000, 1500))))
    return photos.paper_photo_add(canvas=canvas, by=by, photo=photo, caption="กระดาษแผ่นที่ 1")


@pytest.mark.parametrize("persona", ["leader", "mentor_of_group"])
def test_leaders_and_assigned_mentors_attach(client, canvas, persona, request, mentor):
    user = mentor.user if persona == "mentor_of_group" else request.getfixturevalue(persona)
    client.force_login(user)
    response = client.post(
        reverse("programme:paper_add", args=[canvas.pk]),
        {"image": upload(png_with_gps(), name="paper.png", content_type="image/png")},
    )
    assert response.status_code == 302
    photo = PaperCanvasPhoto.objects.get()
    assert (photo.canvas, photo.uploaded_by) == (canvas, user)


@pytest.mark.parametrize("persona", ["member", "staff_south", "national_staff"])
def test_other_readers_see_but_do_not_attach(client, canvas, persona, request, leader):
    attach(canvas, leader)
    client.force_login(request.getfixturevalue(persona))
    page = client.get(reverse("programme:paper", args=[canvas.pk]))
    assert page.status_code == 200
    assert "กระดาษแผ่นที่ 1" in page.content.decode()
    assert "enctype" not in page.content.decode()
    post = client.post(reverse("programme:paper_add", args=[canvas.pk]), {"image": upload(jpeg())})
    assert post.status_code == 403
    assert PaperCanvasPhoto.objects.count() == 1


@pytest.mark.parametrize("persona", ["outsider", "staff_other_region", "other_mentor_user"])
def test_outsiders_get_404(client, canvas, persona, request, leader):
    photo = attach(canvas, leader)
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("programme:paper", args=[canvas.pk])).status_code == 404
    file_url = reverse("programme:paper_photo", args=[canvas.pk, photo.pk])
    assert client.get(file_url).status_code == 404


def test_readers_get_the_file_privately(client, canvas, leader, member):
    photo = attach(canvas, leader)
    client.force_login(member)
    response = client.get(reverse("programme:paper_photo", args=[canvas.pk, photo.pk]))
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("private")


def test_a_mentor_deletes_only_their_own_and_a_leader_any(client, canvas, leader, mentor):
    by_leader = attach(canvas, leader)
    by_mentor = attach(canvas, mentor.user)
    client.force_login(mentor.user)
    url = "programme:paper_delete"
    assert client.post(reverse(url, args=[canvas.pk, by_leader.pk])).status_code == 403
    assert client.post(reverse(url, args=[canvas.pk, by_mentor.pk])).status_code == 302
    client.force_login(leader)
    other = attach(canvas, mentor.user)
    assert client.post(reverse(url, args=[canvas.pk, other.pk])).status_code == 302
    assert list(PaperCanvasPhoto.objects.all()) == [by_leader]


def test_a_photo_of_another_canvas_is_404(client, canvas, group, leader):
    photo = attach(factories.CanvasFactory(group=group), leader)
    client.force_login(leader)
    url = reverse("programme:paper_photo", args=[canvas.pk, photo.pk])
    assert client.get(url).status_code == 404


def test_it_stops_at_ten_photos(client, canvas, leader):
    for _ in range(10):
        attach(canvas, leader)
    client.force_login(leader)
    response = client.post(
        reverse("programme:paper_add", args=[canvas.pk]), {"image": upload(jpeg((64, 48)))}
    )
    assert response.status_code == 200
    assert "ไม่เกิน 10 ภาพ" in response.content.decode()
    assert PaperCanvasPhoto.objects.count() == 10


@pytest.mark.parametrize("persona", ["leader", "member", "mentor_of_group", "staff_south"])
def test_the_canvas_pages_link_to_its_paper_photos_for_every_reader(
    client, canvas, persona, request, mentor
):
    user = mentor.user if persona == "mentor_of_group" else request.getfixturevalue(persona)
    client.force_login(user)
    paper_url = reverse("programme:paper", args=[canvas.pk])
    for page in ("canvases:detail", "canvases:history"):
        response = client.get(reverse(page, args=[canvas.pk]))
        assert f'href="{paper_url}"' in response.content.decode()
    assert client.get(paper_url).status_code == 200
