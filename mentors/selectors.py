"""Reads of the mentors app.

`mentor_assigned_group_ids` and `is_assigned_mentor` are what the canvases app
imports to let the assigned mentors of a group read (and review) its canvases.
"""

from dataclasses import dataclass, field
from functools import lru_cache

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from communities.models import CommunityGroup, Province, Region
from mentors.models import Assignment, Cohort, FollowUp, GroupCoverage, Mentor


def mentor_of(user) -> Mentor | None:
    """The user's mentor profile, or None (anonymous users, leaders, staff)."""
    if not user.is_authenticated:
        return None
    return getattr(user, "mentor_profile", None)


def active_assignments(on=None):
    return Assignment.objects.active(on)


def assigned_group_ids_subquery(user):
    """The groups `user` follows today as a mentor, as a subquery for `__in` filters."""
    return active_assignments().filter(mentor__user=user).values("group_id")


def mentor_assigned_group_ids(user) -> set[int]:
    """Ids of the groups the user follows today as an active mentor (empty for non-mentors)."""
    if not user.is_authenticated or not user.is_mentor:
        return set()
    return set(assigned_group_ids_subquery(user).values_list("group_id", flat=True))


def is_assigned_mentor(user, group) -> bool:
    """Whether the user is, today, an active mentor assigned to the group."""
    if not user.is_authenticated or not user.is_mentor:
        return False
    group_id = getattr(group, "pk", group)
    return active_assignments().filter(mentor__user=user, group_id=group_id).exists()


def group_mentor_users(group):
    """The users of the group's active mentors: whom to notify of a new submission."""
    return [
        assignment.mentor.user
        for assignment in active_assignments().filter(group=group).select_related("mentor__user")
    ]


@lru_cache(maxsize=2)
def _assignments_with_last_follow_up(today):
    """Active assignments on `today` with their group, place and latest follow-up: built
    once a day per process, filtered per request (each filter is a copy), as resolving
    the subquery cost a mentor's home every time."""
    last_follow_up = (
        FollowUp.objects.filter(mentor=OuterRef("mentor"), group=OuterRef("group"))
        .order_by("-happened_on")
        .values("happened_on")[:1]
    )
    return (
        active_assignments(today)
        .select_related("group__tambon")
        # Only what a row of the home shows.
        .only("group__name", "group__tambon__place_th", "group__tambon__place_en")
        .annotate(last_follow_up_on=Subquery(last_follow_up))
        .order_by("group__name")
    )


def mentor_groups(mentor: Mentor):
    """The mentor's active assignments with their group and place: the mentor's home."""
    return _assignments_with_last_follow_up(timezone.localdate()).filter(mentor=mentor)


def group_assignments(group):
    """Every assignment of the group, active first, with its mentor."""
    return (
        Assignment.objects.filter(group=group)
        .select_related("mentor__user")
        .order_by("ends_on", "-starts_on")
    )


def mentor_assignments(mentor: Mentor):
    return (
        Assignment.objects.filter(mentor=mentor)
        .select_related("mentor", "group__tambon__district", "group__tambon__province")
        .order_by("ends_on", "group__name")
    )


def follow_ups_of_group(group):
    return FollowUp.objects.filter(group=group).select_related("mentor__user")


def follow_ups_of_mentor(mentor: Mentor):
    return FollowUp.objects.filter(mentor=mentor).select_related("group__tambon__province")


def mentors_for_list(*, region_id=None, query: str = ""):
    """Mentors of a region (or all), with their provinces and today's number of groups."""
    today = timezone.localdate()
    mentors = Mentor.objects.select_related("user", "home_province", "region").annotate(
        load=_active_load(today)
    )
    if region_id:
        mentors = mentors.filter(region_id=region_id)
    query = query.strip()
    if query:
        mentors = mentors.filter(
            Q(user__display_name__icontains=query)
            | Q(user__username__icontains=query)
            | Q(provinces__name_th__icontains=query)
            | Q(provinces__name_en__icontains=query)
        ).distinct()
    return mentors.prefetch_related("provinces").order_by("-is_active", "user__display_name")


def _active_load(today):
    return Count(
        "assignments",
        filter=Q(assignments__starts_on__lte=today)
        & (Q(assignments__ends_on__isnull=True) | Q(assignments__ends_on__gte=today)),
        distinct=True,
    )


def cohorts_for_list(*, cohorts):
    return (
        cohorts.select_related("region")
        .annotate(
            group_count=Count("groups", distinct=True),
            mentor_count=Count("mentors", distinct=True),
        )
        .order_by("-year", "name")
    )


def cohort_detail(cohort: Cohort) -> dict:
    return {
        "groups": cohort.groups.select_related("tambon__district", "tambon__province"),
        "mentors": cohort.mentors.select_related("user", "home_province"),
        "trainees": cohort.trainees.order_by("display_name", "username"),
    }


def coverage_step(without: int, total: int) -> int | None:
    """The colour step of a province on the coverage page, from the share of its groups no
    active mentor follows: 0 when every group has one, 1–4 for up to a quarter, a half,
    three quarters, and more; None when it has no group at all (shown neutral, not red)."""
    if total <= 0:
        return None
    if without <= 0:
        return 0
    for step, quarters in ((1, 1), (2, 2), (3, 3)):
        if without * 4 <= total * quarters:
            return step
    return 4


def share_text(without: int, total: int) -> str:
    """`40%`; never `0%` while one group lacks a mentor, nor `100%` while one has one."""
    if total <= 0:
        return "–"
    percent = round(100 * without / total)
    if without and percent == 0:
        return "<1%"
    if without < total and percent == 100:
        return "99%"
    return f"{percent}%"


class _ShareWithoutMentor:
    """The share of groups without a mentor, as a colour step and as text."""

    @property
    def step(self) -> int | None:
        return coverage_step(self.without_mentor, self.group_count)

    @property
    def percent(self) -> str:
        return share_text(self.without_mentor, self.group_count)


@dataclass
class ProvinceCoverage(_ShareWithoutMentor):
    province: Province
    group_count: int
    mentors: list = field(default_factory=list)
    without_mentor: int = 0
    mentor_count: int = 0

    @property
    def has_groups(self) -> bool:
        return self.group_count > 0

    @property
    def more_mentors(self) -> int:
        """Active mentors covering the province beyond those named (`mentors`)."""
        return max(0, self.mentor_count - len(self.mentors)) if self.mentors else 0

    @property
    def has_no_mentor(self) -> bool:
        """It has groups, and no active mentor covers it nor follows any of them."""
        return self.has_groups and not self.mentor_count and self.without_mentor == self.group_count


@dataclass
class CoverageTotals(_ShareWithoutMentor):
    """Sums over provinces; the share counts only provinces that have groups."""

    province_count: int = 0
    group_count: int = 0
    without_mentor: int = 0
    provinces_without_groups: int = 0
    provinces_without_mentor: int = 0

    @classmethod
    def of(cls, rows) -> "CoverageTotals":
        rows = list(rows)
        return cls(
            province_count=len(rows),
            group_count=sum(row.group_count for row in rows),
            without_mentor=sum(row.without_mentor for row in rows),
            provinces_without_groups=sum(1 for row in rows if not row.has_groups),
            provinces_without_mentor=sum(1 for row in rows if row.has_no_mentor),
        )


@dataclass
class Coverage:
    provinces: list[ProvinceCoverage]
    mentors: list[Mentor]

    @property
    def totals(self) -> CoverageTotals:
        return CoverageTotals.of(self.provinces)

    @property
    def provinces_without_mentor(self) -> int:
        return sum(1 for row in self.provinces if row.has_no_mentor)

    @property
    def provinces_without_groups(self) -> int:
        return sum(1 for row in self.provinces if not row.has_groups)

    @property
    def groups_without_mentor(self) -> int:
        return sum(row.without_mentor for row in self.provinces)


@dataclass
class RegionSection:
    """One region's provinces in the national view (`region` None: not yet in a region)."""

    region: object
    provinces: list[ProvinceCoverage]

    @property
    def totals(self) -> CoverageTotals:
        return CoverageTotals.of(self.provinces)


@dataclass
class NationalCoverage:
    regions: list[RegionSection]

    @property
    def provinces(self) -> list[ProvinceCoverage]:
        return [row for section in self.regions for row in section.provinces]

    @property
    def totals(self) -> CoverageTotals:
        return CoverageTotals.of(self.provinces)


def groups_without_mentor(today=None):
    """Groups no active mentor follows on `today` (a queryset to filter further)."""
    today = today or timezone.localdate()
    return CommunityGroup.objects.filter(
        ~Exists(active_assignments(today).filter(group=OuterRef("pk")))
    )


def _group_counts(provinces, today) -> dict[str, tuple[int, int]]:
    """province code → (groups, groups no active mentor follows today) for `provinces`,
    in one query.

    Two counting subqueries per province, each read from an index alone: the groups by
    their own province code, those followed today from their merged mentored days
    (GroupCoverage). Asking each group's assignments cost the largest region 15–20 ms."""
    rows = (
        provinces.order_by()
        .annotate(
            group_count=_count_for_province(CommunityGroup.objects.all()),
            followed_count=_count_for_province(
                GroupCoverage.objects.filter(mentored__covers=today)
            ),
        )
        .values_list("code", "group_count", "followed_count")
    )
    return {code: (total, total - followed) for code, total, followed in rows}


def _count_for_province(rows):
    """How many of `rows` (with a `province_code`) each province has."""
    return Coalesce(
        Subquery(
            rows.filter(province_code=OuterRef("code"))
            .order_by()
            .values("province_code")
            .annotate(count=Count("*"))
            .values("count")
        ),
        0,
    )


def _row(province, counts, mentors=(), mentor_count=0) -> ProvinceCoverage:
    total, without = counts.get(province.pk, (0, 0))
    return ProvinceCoverage(
        province=province,
        group_count=total,
        mentors=list(mentors),
        without_mentor=without,
        mentor_count=mentor_count,
    )


MENTOR_NAMES_SHOWN = 3  # mentors named on a province's tile; the others counted


def region_coverage(region) -> Coverage:
    """Per province of the region: its groups, the active mentors covering it and how
    many groups no active mentor follows today; and each of the region's mentors' load.

    A summary: the groups themselves are listed per province by
    `province_groups_without_mentor`, a page at a time. Three queries whatever
    the size of the region.
    """
    today = timezone.localdate()
    covering = (
        Mentor.objects.filter(is_active=True).select_related("user").order_by("user__display_name")
    )
    # A region has hundreds of mentors: each tile names its first few and counts the rest.
    in_region = Province.objects.current().filter(region=region)
    provinces = list(
        in_region.annotate(
            active_mentor_count=Count("mentors", filter=Q(mentors__is_active=True), distinct=True)
        )
        .prefetch_related(
            Prefetch("mentors", queryset=covering[:MENTOR_NAMES_SHOWN], to_attr="active_mentors")
        )
        .order_by("name_th")
    )
    counts = _group_counts(in_region, today)
    rows = [
        _row(p, counts, mentors=p.active_mentors, mentor_count=p.active_mentor_count)
        for p in provinces
    ]
    return Coverage(provinces=rows, mentors=region_mentor_loads(region, today))


def region_mentor_loads(region, today=None):
    """The region's mentors with their load today (groups followed) and provinces covered,
    the active and busiest first: a queryset for the page to show a page at a time."""
    today = today or timezone.localdate()
    return (
        Mentor.objects.filter(region=region)
        .select_related("user", "home_province")
        .annotate(
            # Two counting subqueries, not a join of assignments and provinces counted
            # distinct (which multiplied the rows of 500 mentors of a region).
            load=Coalesce(_count_of(active_assignments(today)), 0),
            covered=Coalesce(_count_of(Mentor.provinces.through.objects), 0),
        )
        .order_by("-is_active", "-load", "user__display_name", "pk")
    )


def _count_of(rows):
    """How many of `rows` (related to a mentor by `mentor_id`) each mentor has."""
    return Subquery(
        rows.filter(mentor_id=OuterRef("pk"))
        .order_by()
        .values("mentor_id")
        .annotate(count=Count("*"))
        .values("count")
    )


def national_coverage(regions=None) -> NationalCoverage:
    """Every current province of the country, by region (the provinces in no region last),
    with its groups, how many no active mentor follows today and how many active mentors
    cover it. Three queries (`regions`, when given as a list, saves one) whatever the size."""
    today = timezone.localdate()
    regions = list(regions if regions is not None else Region.objects.all())
    provinces = Province.objects.current().order_by("name_th")
    counts = _group_counts(provinces, today)
    mentor_counts = dict(
        Mentor.provinces.through.objects.filter(mentor__is_active=True)
        .values_list("province_id")
        .annotate(count=Count("mentor_id", distinct=True))
        .order_by()
    )
    by_region: dict = {region.pk: [] for region in regions}
    by_region[None] = []
    for province in provinces:
        by_region.setdefault(province.region_id, []).append(
            _row(province, counts, mentor_count=mentor_counts.get(province.pk, 0))
        )
    sections = [RegionSection(region, by_region[region.pk]) for region in regions]
    if by_region[None]:
        sections.append(RegionSection(None, by_region[None]))
    return NationalCoverage(regions=sections)


def province_has_groups(province) -> bool:
    return CommunityGroup.objects.filter(province_code=province.code).exists()


def province_groups_with_mentor(province):
    """The province's groups an active mentor follows today, with their place, by name."""
    followed = Exists(active_assignments(timezone.localdate()).filter(group=OuterRef("pk")))
    return (
        CommunityGroup.objects.filter(followed, province_code=province.code)
        .select_related("tambon__district")
        .order_by("name", "pk")
    )


def province_groups_without_mentor(province):
    """The province's groups no active mentor follows today, with their place, by name."""
    return (
        groups_without_mentor()
        .filter(province_code=province.code)
        .select_related("tambon__district")
        .order_by("name", "pk")
    )
