"""The signed-in floor: session, user and the base layout, no page data; bench-only."""

import pytest
from django.urls import NoReverseMatch, reverse

from bench import views


def test_the_portal_does_not_serve_it_outside_the_benchmark():
    with pytest.raises(NoReverseMatch):
        reverse("floor_signed_in")


@pytest.mark.urls("tests.bench.urls")
def test_it_renders_the_layout_of_a_signed_in_page(client, leader):
    client.force_login(leader)
    response = client.get(reverse("floor_signed_in"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="site-header"' in html
    assert 'class="site-nav' in html  # the menu
    assert "notification-bell" in html  # the bell
    assert leader.name in html
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.urls("tests.bench.urls")
def test_its_queries_are_the_session_the_user_and_the_bell(
    client, leader, django_assert_num_queries
):
    client.force_login(leader)
    with django_assert_num_queries(3):  # session, user, the bell's unread count
        client.get(reverse("floor_signed_in"))


@pytest.mark.urls("tests.bench.urls")
def test_a_visitor_is_sent_to_sign_in(client):
    response = client.get(reverse("floor_signed_in"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_layout_template_is_made_once():
    assert views._bare_layout() is views._bare_layout()
