"""Privacy personas: a mentor assigned to `group`, one unassigned, a leader of another group."""

import pytest

from accounts.models import Role
from communities.models import MembershipRole
from tests import factories

MEMBER_PHONE = "+66898765432"


@pytest.fixture
def member_with_phone(member):
    member.phone = MEMBER_PHONE
    member.save(update_fields=["phone"])
    return member


@pytest.fixture
def mentor(mentor_user, south):
    return factories.MentorFactory(user=mentor_user, region=south)


@pytest.fixture
def assignment(mentor, group):
    return factories.AssignmentFactory(mentor=mentor, group=group)


@pytest.fixture
def unassigned_mentor(south):
    return factories.MentorFactory(
        region=south, user=factories.UserFactory(username="mentor_free", role=Role.MENTOR)
    ).user


@pytest.fixture
def other_leader(ao_luek_tai):
    """A leader of another group in the same tambon and region."""
    other_group = factories.CommunityGroupFactory(tambon=ao_luek_tai)
    user = factories.UserFactory(username="other_leader")
    factories.MembershipFactory(group=other_group, user=user, role=MembershipRole.LEADER)
    return user
