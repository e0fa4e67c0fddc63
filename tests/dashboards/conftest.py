"""A small programme in two regions, built from the factories, with its expected figures
counted here in Python (never by the queries under test).

South: Krabi (two districts) and Phang Nga; North: Chiang Mai. `mentor_user` follows
the Ao Luek Tai group; `unassigned_mentor` follows none.
"""

import datetime
from dataclasses import dataclass, field

import pytest
from django.utils import timezone

from accounts.models import Role
from canvases.models import CanvasEvent, CanvasStatus, EventKind
from cbmc_portal.fiscal import BANGKOK
from communities.models import GroupKind, Sector
from mentors.models import Assignment
from tests import factories

# "Today" for the world: 15 March 2026, Bangkok (fiscal year 2569, 5.5 months in).
NOW = datetime.datetime(2026, 3, 15, 10, 0, tzinfo=BANGKOK)


@dataclass
class World:
    groups: list = field(default_factory=list)
    canvases: list = field(default_factory=list)
    decisions: list = field(default_factory=list)  # (event kind, at, version submitted_at, canvas)
    assignments: list = field(default_factory=list)
    follow_ups: list = field(default_factory=list)
    cohorts: list = field(default_factory=list)
    tambons: list = field(default_factory=list)


@pytest.fixture
def mentor(mentor_user, south, krabi):
    profile = factories.MentorFactory(user=mentor_user, region=south, home_province=krabi)
    profile.provinces.add(krabi)
    return profile


@pytest.fixture
def unassigned_mentor(south):
    return factories.MentorFactory(
        region=south, user=factories.UserFactory(username="mentor_free", role=Role.MENTOR)
    )


def _canvas(world, group, status, *, submitted_at=None, decided_at=None, versions=1):
    canvas = factories.CanvasFactory(group=group, status=status)
    version = None
    if status != CanvasStatus.DRAFT or submitted_at:
        for number in range(1, versions + 1):
            version = factories.CanvasVersionFactory(
                canvas=canvas, number=number, submitted_at=submitted_at
            )
        canvas.version_count = versions
        canvas.save(update_fields=["version_count"])
    kind = {
        CanvasStatus.APPROVED: EventKind.APPROVED,
        CanvasStatus.CHANGES_REQUESTED: EventKind.CHANGES_REQUESTED,
    }.get(status)
    if kind:
        event = CanvasEvent.objects.create(canvas=canvas, kind=kind, version=version)
        CanvasEvent.objects.filter(pk=event.pk).update(at=decided_at)
        world.decisions.append((kind, decided_at, submitted_at, canvas))
    world.canvases.append(canvas)
    return canvas


def build_world(*, south, north, krabi, ao_luek_tai, group, mentor, size=1) -> World:
    """`size` copies of the same pattern of groups and canvases; figures grow with it."""
    world = World()
    phang_nga = factories.ProvinceFactory(
        code="82", name_th="พังงา", name_en="Phang Nga", region=south
    )
    chiang_mai = factories.ProvinceFactory(
        code="50", name_th="เชียงใหม่", name_en="Chiang Mai", region=north
    )
    krabi_town = factories.DistrictFactory(code="8101", province=krabi, name_th="เมืองกระบี่")
    tambons = [
        ao_luek_tai,
        factories.TambonFactory(code="810101", district=krabi_town),
        factories.TambonFactory(
            code="820101", district=factories.DistrictFactory(code="8201", province=phang_nga)
        ),
        factories.TambonFactory(
            code="500101", district=factories.DistrictFactory(code="5001", province=chiang_mai)
        ),
        # A tambon with no group: counted in the geography, not as covered.
        factories.TambonFactory(code="810502", district=ao_luek_tai.district),
    ]
    world.tambons = tambons
    world.groups.append(group)
    cohort = factories.CohortFactory(region=south, year=2025, trained_count=None)
    world.cohorts.append(cohort)
    leader = factories.UserFactory()
    cohort.trainees.add(leader)
    cohort.groups.add(group)
    world.assignments.append(
        Assignment.objects.filter(mentor=mentor, group=group).first()
        or factories.AssignmentFactory(mentor=mentor, group=group)
    )
    other_mentor = factories.MentorFactory(region=south)
    fy_start = datetime.datetime(2025, 10, 1, tzinfo=BANGKOK)
    for copy in range(size):
        for index, tambon in enumerate(tambons[:4]):
            kind = GroupKind.ENTERPRISE if index % 2 else GroupKind.GROUP
            sectors = [Sector.COMMUNITY_TOURISM] if index < 2 else [Sector.FOOD_PROCESSING]
            new = factories.CommunityGroupFactory(tambon=tambon, kind=kind, sectors=sectors)
            world.groups.append(new)
            if index == 0:
                cohort.groups.add(new)
            if index in (0, 2):
                world.assignments.append(
                    factories.AssignmentFactory(mentor=other_mentor, group=new)
                )
            world.follow_ups.append(factories.FollowUpFactory(mentor=other_mentor, group=new))
            # One of each state; decisions 2, 5 and 12 days after submission.
            _canvas(world, new, CanvasStatus.DRAFT)
            sent = fy_start + datetime.timedelta(days=10 + copy)
            _canvas(
                world,
                new,
                CanvasStatus.SUBMITTED,
                submitted_at=NOW - datetime.timedelta(days=3 + index + copy),
            )
            _canvas(
                world,
                new,
                CanvasStatus.APPROVED,
                submitted_at=sent,
                decided_at=sent + datetime.timedelta(days=2),
            )
            _canvas(
                world,
                new,
                CanvasStatus.CHANGES_REQUESTED,
                submitted_at=sent,
                decided_at=sent + datetime.timedelta(days=5 + 7 * (index % 2)),
            )
    # Last fiscal year's approval: counted in state, not in this year's tambons.
    _canvas(
        world,
        group,
        CanvasStatus.APPROVED,
        submitted_at=fy_start - datetime.timedelta(days=20),
        decided_at=fy_start - datetime.timedelta(days=1),
    )
    # A follow-up too old to count.
    world.follow_ups.append(
        factories.FollowUpFactory(
            mentor=mentor,
            group=group,
            happened_on=timezone.localdate() - datetime.timedelta(days=91),
        )
    )
    factories.tally_canvases()
    return world


@pytest.fixture
def world(south, north, krabi, ao_luek_tai, group, mentor):
    return build_world(
        south=south, north=north, krabi=krabi, ao_luek_tai=ao_luek_tai, group=group, mentor=mentor
    )
