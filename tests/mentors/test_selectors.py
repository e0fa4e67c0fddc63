import datetime

import pytest
from django.utils import timezone

from mentors import selectors
from tests import factories

pytestmark = pytest.mark.django_db


def test_an_open_assignment_makes_the_mentor_assigned(assignment, mentor_user, group):
    assert selectors.is_assigned_mentor(mentor_user, group)
    assert selectors.is_assigned_mentor(mentor_user, group.pk)
    assert selectors.mentor_assigned_group_ids(mentor_user) == {group.pk}
    assert selectors.group_mentor_users(group) == [mentor_user]


@pytest.mark.parametrize(
    ("starts", "ends", "active"),
    [
        (-10, None, True),
        (-10, 0, True),  # the last day still counts
        (0, None, True),
        (-10, -1, False),  # ended yesterday
        (1, None, False),  # begins tomorrow
    ],
)
def test_an_assignment_is_active_only_within_its_dates(mentor, group, starts, ends, active):
    today = timezone.localdate()
    factories.AssignmentFactory(
        mentor=mentor,
        group=group,
        starts_on=today + datetime.timedelta(days=starts),
        ends_on=None if ends is None else today + datetime.timedelta(days=ends),
    )
    assert selectors.is_assigned_mentor(mentor.user, group) is active
    assert (group.pk in selectors.mentor_assigned_group_ids(mentor.user)) is active


def test_an_inactive_mentor_is_not_assigned(assignment, mentor, group):
    mentor.is_active = False
    mentor.save()
    assert not selectors.is_assigned_mentor(mentor.user, group)
    assert selectors.mentor_assigned_group_ids(mentor.user) == set()


def test_nobody_else_counts_as_assigned(
    assignment, group, unassigned_mentor, leader, staff_south, national_staff, client
):
    from django.contrib.auth.models import AnonymousUser

    for user in (unassigned_mentor.user, leader, staff_south, national_staff, AnonymousUser()):
        assert not selectors.is_assigned_mentor(user, group)
        assert selectors.mentor_assigned_group_ids(user) == set()


def test_the_mentor_home_lists_active_groups_with_the_last_follow_up(assignment, mentor, group):
    ended_group = factories.CommunityGroupFactory(name="กลุ่มเก่า")
    factories.AssignmentFactory(
        mentor=mentor,
        group=ended_group,
        starts_on=datetime.date(2024, 1, 1),
        ends_on=datetime.date(2024, 6, 1),
    )
    factories.FollowUpFactory(mentor=mentor, group=group, happened_on=datetime.date(2025, 3, 1))
    factories.FollowUpFactory(mentor=mentor, group=group, happened_on=datetime.date(2025, 5, 9))
    rows = list(selectors.mentor_groups(mentor))
    assert [row.group for row in rows] == [group]
    assert rows[0].last_follow_up_on == datetime.date(2025, 5, 9)


def test_the_mentor_home_follows_the_day_and_other_mentors_follow_ups_do_not_count(
    assignment, mentor, group, monkeypatch
):
    """The home's query is built once a day per process: an assignment ending today is
    listed today and gone tomorrow; another mentor's follow-up of the group is not this
    mentor's last."""
    today = timezone.localdate()
    assignment.ends_on = today
    assignment.save()
    other = factories.MentorFactory(region=mentor.region)
    factories.FollowUpFactory(mentor=other, group=group, happened_on=today)
    rows = list(selectors.mentor_groups(mentor))
    assert [row.group for row in rows] == [group]
    assert rows[0].last_follow_up_on is None
    tomorrow = today + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    assert list(selectors.mentor_groups(mentor)) == []
