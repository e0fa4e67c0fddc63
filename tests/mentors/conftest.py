"""Mentoring personas: `mentor_user` mentors `group` (southern, Krabi); `unassigned_mentor`
is a southern mentor with no groups; `north_mentor` works in the other region."""

import pytest

from accounts.models import Role
from tests import factories


@pytest.fixture
def mentor(mentor_user, south, krabi):
    profile = factories.MentorFactory(user=mentor_user, region=south, home_province=krabi)
    profile.provinces.add(krabi)
    return profile


@pytest.fixture
def assignment(mentor, group):
    return factories.AssignmentFactory(mentor=mentor, group=group)


@pytest.fixture
def unassigned_mentor(south):
    return factories.MentorFactory(
        region=south, user=factories.UserFactory(username="mentor_free", role=Role.MENTOR)
    )


@pytest.fixture
def north_mentor(north):
    return factories.MentorFactory(
        region=north, user=factories.UserFactory(username="mentor_north", role=Role.MENTOR)
    )


@pytest.fixture
def cohort(south, group, mentor):
    cohort = factories.CohortFactory(name="รุ่นที่ 1 ภาคใต้ 2568", region=south, year=2025)
    cohort.groups.add(group)
    cohort.mentors.add(mentor)
    return cohort
