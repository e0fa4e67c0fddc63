"""The days active mentors follow a group (GroupCoverage), written by PostgreSQL's
triggers: whatever changes an assignment, a mentor or a group, the rows say what the
assignments say, and the coverage page counts from them."""

import datetime
import random
import threading

import pytest
from django.db import connections, transaction
from django.utils import timezone

from communities.models import Province
from mentors import services
from mentors.models import Assignment, GroupCoverage, Mentor
from mentors.selectors import _group_counts, region_coverage
from tests import factories
from tests.db_locks import wait_until_it_waits_for_a_lock

DAY = datetime.timedelta(days=1)


def _followed(group, day) -> bool:
    return GroupCoverage.objects.filter(group=group, mentored__covers=day).exists()


def _truly_followed(group, day) -> bool:
    """What the assignments themselves say."""
    return Assignment.objects.active(day).filter(group=group).exists()


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def mentor(south):
    return factories.MentorFactory(region=south)


def test_an_assignment_follows_the_group_from_its_first_day(group, mentor, today, staff_south):
    services.assignment_create(mentor=mentor, group=group, starts_on=today, by=staff_south)
    assert _followed(group, today) and _followed(group, today + 1000 * DAY)
    assert not _followed(group, today - DAY)


def test_an_ended_assignment_follows_until_its_last_day(group, mentor, today, staff_south):
    assignment = services.assignment_create(
        mentor=mentor, group=group, starts_on=today - 10 * DAY, by=staff_south
    )
    services.assignment_end(assignment=assignment, by=staff_south)
    assert _followed(group, today)
    assert not _followed(group, today + DAY)


def test_a_removed_assignment_leaves_no_days(group, mentor, today, staff_south):
    later = services.assignment_create(
        mentor=mentor, group=group, starts_on=today + 5 * DAY, by=staff_south
    )
    assert _followed(group, today + 5 * DAY)
    services.assignment_end(assignment=later, by=staff_south)  # not begun: removed
    assert not GroupCoverage.objects.filter(group=group).exists()


def test_the_days_of_several_mentors_are_merged_with_their_gaps(group, south, today):
    first, second = factories.MentorFactory.create_batch(2, region=south)
    factories.AssignmentFactory(
        mentor=first, group=group, starts_on=today - 20 * DAY, ends_on=today - 10 * DAY
    )
    factories.AssignmentFactory(mentor=second, group=group, starts_on=today + 3 * DAY)
    for offset in (-20, -10, 3, 400):
        assert _followed(group, today + offset * DAY), offset
    for offset in (-21, -9, 0, 2):
        assert not _followed(group, today + offset * DAY), offset


def test_a_mentor_who_stops_takes_their_days_out_and_back(group, mentor, today):
    factories.AssignmentFactory(mentor=mentor, group=group)
    mentor.is_active = False
    mentor.save()
    assert not _followed(group, today)
    Mentor.objects.filter(pk=mentor.pk).update(is_active=True)  # as the admin's bulk edit
    assert _followed(group, today)


def test_a_moved_group_is_counted_in_its_new_province(group, mentor, today, north):
    factories.AssignmentFactory(mentor=mentor, group=group)
    chiang_mai = factories.ProvinceFactory(code="50", name_th="เชียงใหม่", region=north)
    district = factories.DistrictFactory(code="5001", province=chiang_mai)
    group.tambon = factories.TambonFactory(code="500101", district=district)
    group.save()
    assert GroupCoverage.objects.get(group=group).province_code == "50"
    counts = _group_counts(Province.objects.filter(code__in=["50", "81"]), today)
    assert counts == {"50": (1, 0), "81": (0, 0)}


def test_deleting_a_mentor_or_a_group_leaves_no_rows(group, partner_group, mentor):
    factories.AssignmentFactory(mentor=mentor, group=group)
    factories.AssignmentFactory(group=partner_group)
    mentor.delete()
    partner_group.delete()
    assert not GroupCoverage.objects.exists()


def test_assignments_loaded_in_bulk_are_all_counted(south, krabi, ao_luek_tai, today):
    groups = factories.CommunityGroupFactory.create_batch(5, tambon=ao_luek_tai)
    mentor = factories.MentorFactory(region=south)
    Assignment.objects.bulk_create(
        Assignment(mentor=mentor, group=g, starts_on=today - DAY) for g in groups[:3]
    )
    assert _group_counts(Province.objects.filter(pk=krabi.pk), today) == {"81": (5, 2)}


def test_the_counts_agree_with_the_assignments_on_any_day(south, krabi, ao_luek_tai, today):
    """Random assignments, ended, removed and stopped mentors: on every day around them the
    rows and the assignments tell the same groups apart."""
    rng = random.Random(13)
    groups = factories.CommunityGroupFactory.create_batch(12, tambon=ao_luek_tai)
    mentors = factories.MentorFactory.create_batch(4, region=south)
    for _ in range(25):
        starts_on = today + rng.randint(-30, 30) * DAY
        ends_on = rng.choice([None, starts_on + rng.randint(0, 20) * DAY])
        mentor, group = rng.choice(mentors), rng.choice(groups)
        if Assignment.objects.filter(mentor=mentor, group=group).exists():
            continue  # the service refuses overlaps; keep the data as it allows
        factories.AssignmentFactory(
            mentor=mentor, group=group, starts_on=starts_on, ends_on=ends_on
        )
    Assignment.objects.filter(pk__in=Assignment.objects.values("pk")[:3]).delete()
    open_ended = Assignment.objects.filter(ends_on__isnull=True, starts_on__lte=today)
    open_ended.filter(pk__in=open_ended.values("pk")[:4]).update(ends_on=today + 2 * DAY)
    mentors[0].is_active = False
    mentors[0].save()
    for offset in range(-35, 55, 3):
        day = today + offset * DAY
        truth = {g.pk for g in groups if _truly_followed(g, day)}
        assert {g.pk for g in groups if _followed(g, day)} == truth, day
        counts = _group_counts(Province.objects.filter(pk=krabi.pk), day)
        assert counts == {"81": (12, 12 - len(truth))}, day


def test_the_region_page_counts_from_the_rows(group, partner_group, mentor, south, today):
    factories.AssignmentFactory(mentor=mentor, group=group)
    (krabi_row,) = region_coverage(south).provinces
    assert (krabi_row.group_count, krabi_row.without_mentor) == (2, 1)


# Two staff members assign mentors to one group at the same moment ------------------------


@pytest.mark.django_db(transaction=True)
def test_two_assignments_at_once_are_both_counted(south, group, today):
    """The second waits for the first's refresh and then reads what it committed: neither
    overwrites the other's days. Ordered by the database's lock queue, not by sleeping."""
    first, second = factories.MentorFactory.create_batch(2, region=south)
    errors = []

    def assign_second():
        try:
            factories.AssignmentFactory(mentor=second, group=group, starts_on=today + 10 * DAY)
        except Exception as error:  # reported below, in the test's own thread
            errors.append(error)
        finally:
            connections.close_all()

    with transaction.atomic():
        factories.AssignmentFactory(
            mentor=first, group=group, starts_on=today - 10 * DAY, ends_on=today
        )
        thread = threading.Thread(target=assign_second)
        thread.start()
        wait_until_it_waits_for_a_lock(thread, "the second assignment")
    thread.join()
    assert not errors
    assert _followed(group, today - 10 * DAY) and _followed(group, today + 10 * DAY)
    assert not _followed(group, today + 5 * DAY)
