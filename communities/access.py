"""Who may see and change which communities data.

One predicate per rule and one getter per protected object: objects outside
a user's reach answer 404, insiders without the right answer 403.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from communities.models import CommunityGroup, MembershipRole, Region


def staff_region_id(user) -> int | None:
    """The region a regional staff member is in charge of, or None."""
    if not user.is_authenticated or not user.is_regional_staff:
        return None
    scope = getattr(user, "region_staff", None)
    return scope.region_id if scope else None


def can_see_region(user, region_id) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_national_staff or staff_region_id(user) == region_id


def can_manage_group(user, group: CommunityGroup) -> bool:
    """Staff of the group's region (or national staff) create and edit groups."""
    return can_see_region(user, group.tambon.province.region_id)


def is_group_leader(user, group: CommunityGroup) -> bool:
    return (
        user.is_authenticated
        and group.memberships.filter(user=user, role=MembershipRole.LEADER).exists()
    )


def staff_scope(queryset, user, region_lookup: str):
    """What staff see of `queryset`: all for national staff, their region's for regional staff.

    None for anyone who is not staff, so each caller adds its own rule for
    them; anonymous users get an empty queryset.
    """
    if not user.is_authenticated:
        return queryset.none()
    if user.is_national_staff:
        return queryset
    region_id = staff_region_id(user)
    if region_id:
        return queryset.filter(**{region_lookup: region_id})
    return None


def groups_visible_to(user):
    """Every group this user may open: their own, or their region's, or all for national staff."""
    groups = CommunityGroup.objects.with_place()
    scoped = staff_scope(groups, user, "tambon__province__region_id")
    if scoped is not None:
        return scoped
    return groups.filter(memberships__user=user).distinct()


def get_group_for_user(user, pk) -> CommunityGroup:
    return get_object_or_404(groups_visible_to(user), pk=pk)


def get_group_for_manage(user, pk) -> CommunityGroup:
    group = get_group_for_user(user, pk)
    if not can_manage_group(user, group):
        raise PermissionDenied
    return group


def get_group_for_description_edit(user, pk) -> CommunityGroup:
    """Staff of the region, or a leader of the group (description only)."""
    group = get_group_for_user(user, pk)
    if not (can_manage_group(user, group) or is_group_leader(user, group)):
        raise PermissionDenied
    return group


def chosen_region(user, slug: str):
    """(region, regions): regional staff work in their region; national staff pick one
    by slug, or none for every region."""
    regions = regions_managed_by(user)
    if user.is_national_staff:
        return (regions.filter(slug=slug).first() if slug else None), regions
    return regions.first(), regions


def regions_managed_by(user):
    if user.is_national_staff:
        return Region.objects.all()
    return Region.objects.filter(pk=staff_region_id(user))
