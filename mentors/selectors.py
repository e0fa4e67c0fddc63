"""Reads of the mentors app.

`mentor_assigned_group_ids` and `is_assigned_mentor` are what the canvases app
imports to let the assigned mentors of a group read (and review) its canvases.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

from communities.models import CommunityGroup, Province
from mentors.models import Assignment, Cohort, FollowUp, Mentor


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


def mentor_groups(mentor: Mentor):
    """The mentor's active assignments with their group and place: the mentor's home."""
    last_follow_up = (
        FollowUp.objects.filter(mentor=mentor, group=OuterRef("group"))
        .order_by("-happened_on")
        .values("happened_on")[:1]
    )
    return (
        active_assignments()
        .filter(mentor=mentor)
        .select_related("group__tambon__district", "group__tambon__province")
        .annotate(last_follow_up_on=Subquery(last_follow_up))
        .order_by("group__name")
    )


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


@dataclass
class ProvinceCoverage:
    province: Province
    group_count: int
    mentors: list = field(default_factory=list)
    without_mentor: int = 0

    @property
    def has_no_mentor(self) -> bool:
        """No active mentor covers it and no group in it has one."""
        return not self.mentors and self.group_count - self.without_mentor == 0


@dataclass
class Coverage:
    provinces: list[ProvinceCoverage]
    mentors: list[Mentor]

    @property
    def provinces_without_mentor(self) -> int:
        return sum(1 for row in self.provinces if row.has_no_mentor)

    @property
    def groups_without_mentor(self) -> int:
        return sum(row.without_mentor for row in self.provinces)


def groups_without_mentor(today=None):
    """Groups no active mentor follows on `today` (a queryset to filter further)."""
    today = today or timezone.localdate()
    return CommunityGroup.objects.filter(
        ~Exists(active_assignments(today).filter(group=OuterRef("pk")))
    )


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
    provinces = list(
        Province.objects.current()
        .filter(region=region)
        .annotate(group_count=Count("tambons__groups", distinct=True))
        .prefetch_related(Prefetch("mentors", queryset=covering, to_attr="active_mentors"))
        .order_by("name_th")
    )
    without = dict(
        groups_without_mentor(today)
        .filter(tambon__province__region=region)
        .values_list("tambon__province_id")
        .annotate(count=Count("pk"))
        .order_by()
    )
    rows = [
        ProvinceCoverage(
            province=province,
            group_count=province.group_count,
            mentors=province.active_mentors,
            without_mentor=without.get(province.pk, 0),
        )
        for province in provinces
    ]
    mentors = list(
        Mentor.objects.filter(region=region)
        .select_related("user", "home_province")
        .annotate(load=_active_load(today), covered=Count("provinces", distinct=True))
        .order_by("-is_active", "-load", "user__display_name")
    )
    return Coverage(provinces=rows, mentors=mentors)


def province_groups_without_mentor(province):
    """The province's groups no active mentor follows today, with their place, by name."""
    return (
        groups_without_mentor()
        .filter(tambon__province=province)
        .select_related("tambon__district")
        .order_by("name", "pk")
    )
