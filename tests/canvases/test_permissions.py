"""Who may do what, for every persona: leaders write, members and regional staff read."""

import pytest
from django.urls import reverse

from canvases.models import Canvas, CanvasStatus

READERS = ["leader", "member", "staff_south", "national_staff"]
OUTSIDERS = ["outsider", "staff_other_region", "mentor_user"]

READ_PAGES = [
    ("canvases:detail", lambda c: [c.pk], ""),
    ("canvases:history", lambda c: [c.pk], ""),
    ("canvases:version", lambda c: [c.pk, 1], ""),
    ("canvases:compare", lambda c: [c.pk], "?a=1&b=1"),
    ("canvases:print", lambda c: [c.pk], "?version=1"),
    ("canvases:group_list", lambda c: [c.group_id], ""),
]


@pytest.mark.parametrize("name,args,query", READ_PAGES)
@pytest.mark.parametrize("persona", READERS + OUTSIDERS + ["anonymous"])
def test_read_pages(request, client, submitted_canvas, persona, name, args, query):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse(name, args=args(submitted_canvas)) + query)
    if persona == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))
    elif persona in READERS:
        assert response.status_code == 200
    else:
        assert response.status_code == 404


@pytest.mark.parametrize(
    "persona,expected",
    [
        ("leader", 302),
        ("member", 403),
        ("staff_south", 403),
        ("national_staff", 403),
        ("outsider", 404),
        ("staff_other_region", 404),
        ("mentor_user", 404),
    ],
)
def test_submit(request, client, filled_canvas, persona, expected):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(reverse("canvases:submit", args=[filled_canvas.pk]))
    assert response.status_code == expected
    submitted = Canvas.objects.get(pk=filled_canvas.pk).status == CanvasStatus.SUBMITTED
    assert submitted == (persona == "leader")


@pytest.mark.parametrize(
    "persona,expected",
    [
        ("leader", 302),
        ("member", 403),
        ("staff_south", 403),
        ("outsider", 404),
        ("staff_other_region", 404),
    ],
)
def test_save(request, client, canvas, persona, expected):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(
        reverse("canvases:save", args=[canvas.pk]),
        {"base_revision": 0, "save_id": "p", "channels": "หน้าสวน"},
    )
    assert response.status_code == expected
    assert (Canvas.objects.get(pk=canvas.pk).revision == 1) == (persona == "leader")


@pytest.mark.parametrize(
    "persona,expected",
    [
        ("leader", 302),
        ("member", 403),
        ("staff_south", 403),
        ("outsider", 404),
        ("staff_other_region", 404),
    ],
)
def test_revise(request, client, approved_canvas, persona, expected):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(reverse("canvases:revise", args=[approved_canvas.pk]))
    assert response.status_code == expected
    draft = Canvas.objects.get(pk=approved_canvas.pk).status == CanvasStatus.DRAFT
    assert draft == (persona == "leader")


@pytest.mark.parametrize(
    "persona,expected",
    [
        ("staff_south", 302),
        ("national_staff", 302),
        ("leader", 403),
        ("member", 403),
        ("outsider", 404),
        ("staff_other_region", 404),
        ("mentor_user", 404),
    ],
)
def test_review(request, client, submitted_canvas, persona, expected):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(
        reverse("canvases:review", args=[submitted_canvas.pk]),
        {"decision": "approve", "summary": "ดีมาก", "version": 1},
    )
    assert response.status_code == expected
    approved = Canvas.objects.get(pk=submitted_canvas.pk).status == CanvasStatus.APPROVED
    assert approved == (persona in ("staff_south", "national_staff"))


@pytest.mark.parametrize(
    "persona,expected",
    [("leader", 200), ("member", 403), ("staff_south", 403), ("outsider", 404)],
)
def test_create_page(request, client, group, persona, expected):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("canvases:create", args=[group.pk])).status_code == expected


def test_anonymous_autosave_answers_401_so_the_page_keeps_the_text(client, canvas):
    response = client.post(
        reverse("canvases:autosave", args=[canvas.pk]),
        {"base_revision": 0, "save_id": "x", "channels": "ก"},
        headers={"X-Autosave": "1"},
    )
    assert response.status_code == 401
    assert response.json()["state"] == "signed_out"


def test_anonymous_plain_save_goes_to_sign_in(client, canvas):
    response = client.post(reverse("canvases:save", args=[canvas.pk]), {"channels": "ก"})
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
