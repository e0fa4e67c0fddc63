"""Refused access by a signed-in user is recorded: one INSERT, never the query string."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse

from accounts.middleware import AuditRefusalsMiddleware
from accounts.models import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db


def test_a_404_for_a_signed_in_user_is_recorded_without_the_query_string(
    client, staff_other_region, group
):
    client.force_login(staff_other_region)
    url = reverse("communities:group_detail", args=[group.pk])
    assert client.get(url, {"token": "secret-123"}).status_code == 404
    entry = AuditEntry.objects.get(action=AuditAction.ACCESS_REFUSED)
    assert entry.actor == staff_other_region
    assert entry.details == {"path": url, "method": "GET", "status": 404}
    assert "secret-123" not in str(entry.details) + entry.summary


def test_a_403_is_recorded_with_its_method(client, member, group):
    client.force_login(member)
    url = reverse("communities:group_description", args=[group.pk])
    assert client.post(url, {"description": "x"}).status_code == 403
    entry = AuditEntry.objects.get(action=AuditAction.ACCESS_REFUSED)
    assert entry.details == {"path": url, "method": "POST", "status": 403}


def test_anonymous_refusals_and_allowed_pages_are_not_recorded(client, leader, group):
    assert client.get(reverse("communities:group_detail", args=[group.pk])).status_code == 302
    client.force_login(leader)
    assert client.get(reverse("communities:group_detail", args=[group.pk])).status_code == 200
    assert not AuditEntry.objects.exists()


def test_recording_costs_one_insert(leader, django_assert_num_queries):
    request = RequestFactory().get("/groups/1/?secret=1")
    request.user = leader
    middleware = AuditRefusalsMiddleware(lambda r: None)
    with django_assert_num_queries(1) as captured:
        middleware.process_exception(request, Http404())
    assert captured.captured_queries[0]["sql"].startswith("INSERT")
    with django_assert_num_queries(0):
        middleware.process_exception(request, ValueError())


def test_a_token_in_the_path_is_kept_as_its_pattern(leader):
    from django.urls import resolve

    path = "/accounts/set-password/MQ/abc-secrettoken/"
    request = RequestFactory().get(path)
    request.user = leader
    request.resolver_match = resolve(path)
    AuditRefusalsMiddleware(lambda r: None).process_exception(request, PermissionDenied())
    entry = AuditEntry.objects.get()
    assert "secrettoken" not in entry.details["path"]
    assert entry.details["status"] == 403


def test_a_database_outage_does_not_turn_the_refusal_into_an_error(leader, monkeypatch):
    def fail(**kwargs):
        raise DatabaseError("down")

    monkeypatch.setattr(AuditEntry.objects, "create", fail)
    request = RequestFactory().get("/")
    request.user = leader
    assert AuditRefusalsMiddleware(lambda r: None).process_exception(request, Http404()) is None
