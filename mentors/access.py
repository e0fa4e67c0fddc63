"""Who may see and change mentors, cohorts, assignments and follow-ups.

Built on communities.access: staff act within their region (national staff
everywhere); a mentor sees their own profile, their cohorts and the groups
assigned to them today. Objects outside a user's reach answer 404, insiders
without the right answer 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.models import Role
from communities import access as community_access
from communities.models import CommunityGroup
from mentors import selectors
from mentors.models import Assignment, Cohort, Mentor


def can_manage_region(user, region_id) -> bool:
    """Staff of the region, or national staff, manage its mentors, cohorts and assignments."""
    return community_access.can_see_region(user, region_id)


def can_manage_mentor(user, mentor: Mentor) -> bool:
    return can_manage_region(user, mentor.region_id)


def can_make_mentor(user, person, region) -> bool:
    """May `user` give a mentor profile in `region` to `person`, who already has an account?

    Never a second profile, never staff or an admin. National staff may; staff of
    `region` only when the person has no other role: a community account in no
    group, created by that region's staff (anyone else's role is changed by
    national staff only).
    """
    if hasattr(person, "mentor_profile") or community_access.is_privileged(person):
        return False
    if user.is_authenticated and user.is_national_staff:
        return True
    return (
        can_manage_region(user, region.pk)
        and person.role == Role.COMMUNITY
        and not community_access.person_group_region_ids(person)
        and community_access.person_is_solely_in_region(person, region.pk)
    )


def can_edit_mentor_details(user, mentor: Mentor) -> bool:
    """The name, e-mail and contact phone of a mentor the user manages.

    National staff always; regional staff only while the mentor is solely
    their region's (no group or profile elsewhere, not staff), see
    communities.access.
    """
    if not can_manage_mentor(user, mentor):
        return False
    return community_access.can_edit_person_details(user, mentor.user, tied_by_profile=True)


def can_manage_cohort(user, cohort: Cohort) -> bool:
    return can_manage_region(user, cohort.region_id)


def can_assign(user, group: CommunityGroup) -> bool:
    return community_access.can_manage_group(user, group)


def can_log_follow_up(user, group: CommunityGroup) -> bool:
    """Only a mentor assigned to the group today logs a contact with it."""
    return selectors.is_assigned_mentor(user, group)


def is_staff(user) -> bool:
    return user.is_authenticated and user.is_codi_staff


def mentors_visible_to(user):
    mentors = Mentor.objects.select_related("user", "region", "home_province")
    scoped = community_access.staff_scope(mentors, user, "region_id")
    if scoped is not None:
        return scoped
    return mentors.filter(user=user)


def get_mentor_for_user(user, pk) -> Mentor:
    return get_object_or_404(mentors_visible_to(user), pk=pk)


def get_mentor_for_manage(user, pk) -> Mentor:
    """Staff of the mentor's region; the mentor themself may look but not change (403)."""
    mentor = get_mentor_for_user(user, pk)
    if not can_manage_mentor(user, mentor):
        raise PermissionDenied
    return mentor


def cohorts_visible_to(user):
    cohorts = Cohort.objects.select_related("region")
    scoped = community_access.staff_scope(cohorts, user, "region_id")
    if scoped is not None:
        return scoped
    if user.is_mentor:
        return cohorts.filter(mentors__user=user)
    return cohorts.none()


def get_cohort_for_user(user, pk) -> Cohort:
    return get_object_or_404(cohorts_visible_to(user), pk=pk)


def get_cohort_for_manage(user, pk) -> Cohort:
    cohort = get_cohort_for_user(user, pk)
    if not can_manage_cohort(user, cohort):
        raise PermissionDenied
    return cohort


def groups_followed_by(user):
    """Groups whose mentoring record the user may read: staff's groups, a mentor's assigned ones."""
    if is_staff(user):
        return community_access.groups_visible_to(user)
    if user.is_authenticated and user.is_mentor:
        return CommunityGroup.objects.with_place().filter(
            pk__in=selectors.assigned_group_ids_subquery(user)
        )
    return CommunityGroup.objects.none()


def get_group_for_follow_up_list(user, pk) -> CommunityGroup:
    return get_object_or_404(groups_followed_by(user), pk=pk)


def get_group_for_follow_up_log(user, pk) -> CommunityGroup:
    """The group's assigned mentor logs; staff who may read the record get 403."""
    group = get_group_for_follow_up_list(user, pk)
    if not can_log_follow_up(user, group):
        raise PermissionDenied
    return group


def get_group_for_assign(user, pk) -> CommunityGroup:
    """Staff of the group's region assign its mentors; a mentor of it gets 403."""
    group = get_group_for_follow_up_list(user, pk)
    if not can_assign(user, group):
        raise PermissionDenied
    return group


def get_assignment_for_manage(user, pk) -> Assignment:
    """Staff of the group's region end it; the mentor it names gets 403."""
    assignment = (
        Assignment.objects.select_related("mentor__user", "group__tambon__province")
        .filter(pk=pk)
        .first()
    )
    if assignment is None:
        raise Http404
    region_id = assignment.group.tambon.province.region_id
    if can_manage_region(user, region_id):
        return assignment
    if assignment.mentor.user_id == user.pk:
        raise PermissionDenied
    raise Http404
