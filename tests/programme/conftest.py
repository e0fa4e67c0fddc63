"""The personas' group in the programme: its mentor, another group's mentor, results."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from canvases.models import CanvasEvent, EventKind
from programme.models import Result
from tests import factories


@pytest.fixture
def mentor(group, mentor_user, south):
    mentor = factories.MentorFactory(user=mentor_user, region=south)
    factories.AssignmentFactory(mentor=mentor, group=group)
    return mentor


@pytest.fixture
def other_mentor_user(south):
    """A southern mentor assigned to another group only."""
    mentor = factories.MentorFactory(user__username="other_mentor", region=south)
    factories.AssignmentFactory(mentor=mentor)
    return mentor.user


@pytest.fixture
def other_leader(south):
    """A leader of another group in the same region."""
    user = factories.UserFactory(username="other_leader")
    factories.MembershipFactory(group=factories.CommunityGroupFactory(), user=user, role="leader")
    return user


def make_result(group, *, fiscal_year=2568, quarter=1, confirmed_by=None, **values):
    fields = {
        "income": Decimal("12000"),
        "costs": Decimal("5000"),
        "members_earning": 12,
        "households_earning": 9,
        "family_share": 60,
        "community_share": 40,
    } | values
    return Result.objects.create(
        group=group,
        fiscal_year=fiscal_year,
        quarter=quarter,
        confirmed_by=confirmed_by,
        confirmed_at=timezone.now() if confirmed_by else None,
        **fields,
    )


def approve_a_canvas(group, on: datetime.date):
    """An approval event of a canvas of the group, dated `on`."""
    canvas = factories.CanvasFactory(group=group)
    event = CanvasEvent.objects.create(canvas=canvas, kind=EventKind.APPROVED)
    at = timezone.make_aware(datetime.datetime.combine(on, datetime.time(10)))
    CanvasEvent.objects.filter(pk=event.pk).update(at=at)
    return event


RESULT_POST = {
    "fiscal_year": "2568",
    "quarter": "1",
    "income": "15,500.50",
    "costs": "4000",
    "members_earning": "14",
    "households_earning": "10",
    "new_products": "กล้วยฉาบ",
    "channels": ["farm_gate", "online"],
    "certifications": "รับรองแปลงอินทรีย์",
    "family_share": "60",
    "community_share": "40",
    "household_debt": "20000",
    "household_savings": "3500",
    "youth": "เยาวชน 5 คนช่วยขายออนไลน์",
    "resources": "ปลูกป่าชายเลน 2 ไร่",
}
