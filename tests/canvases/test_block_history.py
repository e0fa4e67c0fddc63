"""“ข้อความก่อนหน้า”: every saved text of a block, and putting one back."""

import pytest
from django.urls import reverse

from canvases import services
from canvases.models import BlockChange, Canvas


@pytest.fixture
def two_texts(canvas, leader, co_leader):
    services.canvas_save_blocks(
        canvas=canvas, by=leader, blocks={"channels": "หน้าสวน"}, base_revision=0, save_id="1"
    )
    services.canvas_save_blocks(
        canvas=Canvas.objects.get(pk=canvas.pk),
        by=co_leader,
        blocks={"channels": "<b>ออนไลน์</b>"},
        base_revision=1,
        save_id="2",
    )
    return canvas


def history_url(canvas, key="channels"):
    return reverse("canvases:block_history", args=[canvas.pk, key])


def test_a_leader_reads_every_text_with_who_and_when(client, leader, two_texts):
    client.force_login(leader)
    response = client.get(history_url(two_texts))
    page = response.content.decode()
    assert response.status_code == 200
    assert "หน้าสวน" in page and "สมหญิง" in page and "สมศักดิ์" in page
    assert "&lt;b&gt;ออนไลน์&lt;/b&gt;" in page  # escaped
    assert "นำข้อความนี้กลับมาใช้" in page


@pytest.mark.parametrize(
    "persona, expected",
    [("member", 200), ("staff_south", 200), ("outsider", 404), ("staff_other_region", 404)],
)
def test_who_may_read_the_history(request, client, two_texts, persona, expected):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(history_url(two_texts))
    assert response.status_code == expected
    if expected == 200:
        assert "นำข้อความนี้กลับมาใช้" not in response.content.decode()


def test_anonymous_goes_to_sign_in(client, two_texts):
    assert client.get(history_url(two_texts)).status_code == 302


def test_an_unknown_block_is_404(client, leader, two_texts):
    client.force_login(leader)
    assert client.get(history_url(two_texts, "status")).status_code == 404


def test_a_leader_puts_an_earlier_text_back_and_the_replaced_one_stays(client, leader, two_texts):
    client.force_login(leader)
    first = BlockChange.objects.get(canvas=two_texts, revision=1)
    url = reverse("canvases:block_restore", args=[two_texts.pk, "channels", first.pk])
    response = client.post(url)
    assert response.status_code == 302
    assert Canvas.objects.get(pk=two_texts.pk).blocks["channels"] == "หน้าสวน"
    texts = BlockChange.objects.filter(canvas=two_texts).values_list("text", flat=True)
    assert "<b>ออนไลน์</b>" in set(texts)


@pytest.mark.parametrize("persona, expected", [("member", 403), ("outsider", 404)])
def test_only_leaders_put_texts_back(request, client, two_texts, persona, expected):
    client.force_login(request.getfixturevalue(persona))
    first = BlockChange.objects.get(canvas=two_texts, revision=1)
    url = reverse("canvases:block_restore", args=[two_texts.pk, "channels", first.pk])
    assert client.post(url).status_code == expected
    assert Canvas.objects.get(pk=two_texts.pk).blocks["channels"] == "<b>ออนไลน์</b>"


def test_a_change_of_another_block_or_canvas_is_404(client, leader, two_texts, group):
    client.force_login(leader)
    first = BlockChange.objects.get(canvas=two_texts, revision=1)
    url = reverse("canvases:block_restore", args=[two_texts.pk, "cost_structure", first.pk])
    assert client.post(url).status_code == 404


def test_the_history_page_costs_the_same_for_any_length(
    client, leader, two_texts, django_assert_max_num_queries
):
    for n in range(30):
        fresh = Canvas.objects.get(pk=two_texts.pk)
        services.canvas_save_blocks(
            canvas=fresh,
            by=leader,
            blocks={"channels": f"รอบ {n}"},
            base_revision=fresh.revision,
            save_id=f"r{n}",
        )
    client.force_login(leader)
    with django_assert_max_num_queries(12):
        assert client.get(history_url(two_texts)).status_code == 200
