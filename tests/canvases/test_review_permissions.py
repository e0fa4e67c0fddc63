"""Who may do what on a group's canvases, as one table over roles and objects.

Outsiders of the canvas (other groups, unassigned mentors, staff of another
region) get 404; insiders without the right get 403; anonymous visitors go
to the sign-in page. Every post is checked for what it changed, too.
"""

import pytest
from django.urls import reverse

from canvases.models import Canvas, CanvasStatus, Comment, CommentThread

PERSONAS = [
    "anonymous",
    "leader",
    "member",
    "outsider",
    "assigned_mentor",
    "unassigned_mentor",
    "staff_south",
    "staff_other_region",
    "national_staff",
]
L = "login"  # redirected to the sign-in page

READ = [L, 200, 200, 404, 200, 404, 200, 404, 200]

# page name, URL arguments from (canvas, thread), query, statuses for the personas above
PAGES = [
    ("canvases:detail", lambda c, t: [c.pk], "", READ),
    ("canvases:history", lambda c, t: [c.pk], "", READ),
    ("canvases:version", lambda c, t: [c.pk, 1], "", READ),
    ("canvases:version_review", lambda c, t: [c.pk, 1], "", READ),
    ("canvases:compare", lambda c, t: [c.pk], "?a=1&b=1", READ),
    ("canvases:print", lambda c, t: [c.pk], "?version=1", READ),
    ("canvases:group_list", lambda c, t: [c.group_id], "", READ),
    (
        "canvases:comment_edit",
        lambda c, t: [c.pk, t.comments.get().pk],
        "",
        [L, 403, 403, 404, 200, 404, 403, 404, 403],
    ),
]


@pytest.fixture
def world(submitted_canvas, thread, assigned_mentor, unassigned_mentor, leader, member, outsider):
    """The assigned mentor opened a thread on version 1, which waits for a decision."""
    return submitted_canvas, thread


def sign_in(client, request, persona):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))


def check(response, expected):
    if expected == L:
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))
    else:
        assert response.status_code == expected


@pytest.mark.parametrize(
    "name,args,query,persona,expected",
    [
        pytest.param(name, args, query, persona, expected, id=f"{name}-{persona}")
        for name, args, query, statuses in PAGES
        for persona, expected in zip(PERSONAS, statuses, strict=True)
    ],
)
def test_pages(client, request, world, name, args, query, persona, expected):
    canvas, thread = world
    sign_in(client, request, persona)
    check(client.get(reverse(name, args=args(canvas, thread)) + query), expected)


@pytest.mark.parametrize(
    "persona,expected",
    [("assigned_mentor", 200), ("unassigned_mentor", 404), ("staff_other_region", 404)],
)
def test_pdf(client, request, world, persona, expected):
    canvas, _thread = world
    sign_in(client, request, persona)
    check(client.get(reverse("canvases:pdf", args=[canvas.pk]) + "?version=1"), expected)


def threads_and_comments():
    return CommentThread.objects.count(), Comment.objects.count()


# action, statuses, and what a success changes
ALLOWED_TO_COMMENT = [L, 403, 403, 404, 302, 404, 302, 404, 302]
ALLOWED_TO_TAKE_PART = [L, 302, 403, 404, 302, 404, 302, 404, 302]


@pytest.mark.parametrize("persona,expected", list(zip(PERSONAS, ALLOWED_TO_COMMENT, strict=True)))
def test_comment_post(client, request, world, persona, expected):
    canvas, _thread = world
    sign_in(client, request, persona)
    response = client.post(
        reverse("canvases:comment_create", args=[canvas.pk]),
        {"version": canvas.versions.get().pk, "block": "key_partners", "body": "ภาคีครบไหม"},
    )
    check(response, expected)
    assert threads_and_comments() == ((2, 2) if expected == 302 else (1, 1))


@pytest.mark.parametrize("persona,expected", list(zip(PERSONAS, ALLOWED_TO_TAKE_PART, strict=True)))
def test_reply_post(client, request, world, persona, expected):
    canvas, thread = world
    sign_in(client, request, persona)
    response = client.post(
        reverse("canvases:thread_reply", args=[canvas.pk, thread.pk]), {"body": "ตอบ"}
    )
    check(response, expected)
    assert threads_and_comments() == ((1, 2) if expected == 302 else (1, 1))


@pytest.mark.parametrize("persona,expected", list(zip(PERSONAS, ALLOWED_TO_TAKE_PART, strict=True)))
def test_resolve_post(client, request, world, persona, expected):
    canvas, thread = world
    sign_in(client, request, persona)
    response = client.post(reverse("canvases:thread_resolve", args=[canvas.pk, thread.pk]))
    check(response, expected)
    thread.refresh_from_db()
    assert thread.is_open is (expected != 302)


@pytest.mark.parametrize("persona,expected", list(zip(PERSONAS, ALLOWED_TO_COMMENT, strict=True)))
def test_decision_post(client, request, world, persona, expected):
    canvas, _thread = world
    sign_in(client, request, persona)
    response = client.post(
        reverse("canvases:review", args=[canvas.pk]),
        {"decision": "approve", "summary": "ดี", "version": 1},
    )
    check(response, expected)
    approved = Canvas.objects.get(pk=canvas.pk).status == CanvasStatus.APPROVED
    assert approved is (expected == 302)


@pytest.mark.parametrize(
    "persona,expected",
    list(zip(PERSONAS, [L, 403, 403, 404, 302, 404, 403, 404, 403], strict=True)),
)
def test_edit_comment_post(client, request, world, persona, expected):
    canvas, thread = world
    comment = thread.comments.get()
    sign_in(client, request, persona)
    response = client.post(
        reverse("canvases:comment_edit", args=[canvas.pk, comment.pk]), {"body": "แก้แล้ว"}
    )
    check(response, expected)
    comment.refresh_from_db()
    assert (comment.body == "แก้แล้ว") is (expected == 302)


@pytest.mark.parametrize(
    "persona,expected",
    list(zip(PERSONAS, [L, 302, 403, 404, 403, 404, 403, 404, 403], strict=True)),
)
def test_only_leaders_write_the_text_mentors_never(client, request, persona, expected, canvas):
    request.getfixturevalue("assigned_mentor")
    request.getfixturevalue("unassigned_mentor")
    request.getfixturevalue("member")
    sign_in(client, request, persona)
    response = client.post(
        reverse("canvases:save", args=[canvas.pk]),
        {"base_revision": 0, "save_id": "p", "channels": "หน้าสวน"},
    )
    check(response, expected)
    assert (Canvas.objects.get(pk=canvas.pk).revision == 1) is (expected == 302)


@pytest.mark.parametrize("persona,expected", [("assigned_mentor", 403), ("unassigned_mentor", 404)])
def test_mentors_do_not_submit(client, request, filled_canvas, persona, expected):
    sign_in(client, request, persona)
    response = client.post(reverse("canvases:submit", args=[filled_canvas.pk]))
    assert response.status_code == expected
    assert Canvas.objects.get(pk=filled_canvas.pk).status == CanvasStatus.DRAFT


def test_a_thread_of_another_canvas_is_404(client, world, leader, group):
    from canvases import services

    canvas, thread = world
    other = services.canvas_create(group=group, by=leader, title="มะละกอทอดกรอบ")
    client.force_login(leader)
    for name in ("thread_reply", "thread_resolve", "thread_reopen"):
        url = reverse(f"canvases:{name}", args=[other.pk, thread.pk])
        assert client.post(url, {"body": "x"}).status_code == 404
    url = reverse("canvases:comment_edit", args=[other.pk, thread.comments.get().pk])
    assert client.get(url).status_code == 404
    assert threads_and_comments() == (1, 1)
    thread.refresh_from_db()
    assert thread.is_open


def test_an_ended_assignment_ends_the_access(client, world, assigned_mentor):
    from mentors.models import Assignment

    canvas, _thread = world
    Assignment.objects.filter(mentor__user=assigned_mentor).update(
        starts_on="2020-01-01", ends_on="2020-12-31"
    )
    client.force_login(assigned_mentor)
    assert client.get(reverse("canvases:detail", args=[canvas.pk])).status_code == 404


def test_an_inactive_mentor_loses_access(client, world, assigned_mentor):
    from mentors.models import Mentor

    canvas, _thread = world
    Mentor.objects.filter(user=assigned_mentor).update(is_active=False)
    client.force_login(assigned_mentor)
    assert client.get(reverse("canvases:version_review", args=[canvas.pk, 1])).status_code == 404


@pytest.mark.parametrize("persona", PERSONAS[1:])
def test_the_predicate_and_the_queryset_agree_in_one_query(
    request, world, persona, django_assert_num_queries
):
    from canvases import access

    canvas, _thread = world
    user = request.getfixturevalue(persona)
    with django_assert_num_queries(1):
        visible = list(access.canvases_visible_to(user))
    assert (canvas in visible) is access.can_view_canvas(user, canvas)
    assert access.can_view_canvas(user, canvas) is (READ[PERSONAS.index(persona)] == 200)
