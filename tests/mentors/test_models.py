import datetime

import pytest
from django.db import IntegrityError, transaction

from tests import factories

pytestmark = pytest.mark.django_db


def test_an_assignment_cannot_end_before_it_starts(mentor, group):
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.AssignmentFactory(
            mentor=mentor,
            group=group,
            starts_on=datetime.date(2025, 5, 1),
            ends_on=datetime.date(2025, 4, 1),
        )


def test_only_one_open_assignment_of_a_mentor_to_a_group(assignment, mentor, group):
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.AssignmentFactory(mentor=mentor, group=group)


def test_a_cohort_cannot_end_before_it_starts(south):
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.CohortFactory(
            region=south, starts_on=datetime.date(2025, 5, 1), ends_on=datetime.date(2025, 4, 1)
        )
