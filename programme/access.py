"""Who may see and change a group's programme: its stage, results and four-area plan.

One predicate per rule and one getter per right. Readers: the group's members,
the mentors assigned to it today, staff of its region and national staff;
anyone else gets 404. Insiders without the right get 403.

- leaders of the group enter results (while unconfirmed) and write the plan;
- the group's assigned mentors confirm and un-confirm results;
- the assigned mentors, staff of the region and national staff move the stage.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

# The same readers as the group's canvases.
from canvases.access import groups_with_canvases_visible_to
from communities.access import can_see_region, is_group_leader
from communities.models import CommunityGroup
from mentors.selectors import is_assigned_mentor


def can_edit_results(user, group: CommunityGroup) -> bool:
    """The group's leaders enter and correct its results (the row's state is the service's)."""
    return is_group_leader(user, group)


def can_edit_plan(user, group: CommunityGroup) -> bool:
    """The group's leaders write its four-area plan."""
    return is_group_leader(user, group)


def can_confirm_results(user, group: CommunityGroup) -> bool:
    """The mentors assigned to the group today confirm (and un-confirm) its results."""
    return is_assigned_mentor(user, group)


def can_move_stage(user, group: CommunityGroup) -> bool:
    """The assigned mentors, staff of the group's region and national staff."""
    return can_see_region(user, group.region_id) or is_assigned_mentor(user, group)


def get_group_for_programme(user, pk) -> CommunityGroup:
    return get_object_or_404(groups_with_canvases_visible_to(user), pk=pk)


def _get(user, pk, rule) -> CommunityGroup:
    group = get_group_for_programme(user, pk)
    if not rule(user, group):
        raise PermissionDenied
    return group


def get_group_for_results_edit(user, pk) -> CommunityGroup:
    return _get(user, pk, can_edit_results)


def get_group_for_results_confirm(user, pk) -> CommunityGroup:
    return _get(user, pk, can_confirm_results)


def get_group_for_plan_edit(user, pk) -> CommunityGroup:
    return _get(user, pk, can_edit_plan)


def get_group_for_stage_move(user, pk) -> CommunityGroup:
    return _get(user, pk, can_move_stage)


# Learning forums and networks of groups ------------------------------------------
#
# Forums (เวทีแลกเปลี่ยนเรียนรู้). A forum belongs to the region of its tambon.
# - Readers: staff of that region, national staff, and the members and assigned
#   mentors of any group that presented there. Anyone else gets 404.
# - Recording a forum: staff of the region and national staff, for any tambon and
#   groups of the region. A mentor assigned today to a group of the region may record
#   one too, provided at least one of their own groups presented (the form checks it):
#   mentors run many forums in the field, and a forum is about their groups.
# - Editing: staff of the region and national staff; the mentor who recorded it while
#   still assigned to one of its presenting groups. Other readers get 403.
# - The region's forum list: staff of the region and national staff see every forum;
#   members and mentors of groups of the region see the forums their groups presented
#   at; anyone else gets 404.
#
# Networks (GroupLink in communities): "friends, not competitors".
# - Reading a group's links: whoever reads the group's programme (above).
# - Staff of a region link any two groups of their region directly; national staff link
#   any two groups, across regions too. Links across regions are national staff's only:
#   regional staff and leaders see one region.
# - A leader of group A may propose a link from A to any group of A's region; it shows
#   as proposed until a leader of the other group, or staff of both groups' regions,
#   accepts it. A leader of both groups links them directly.
# - Removing (or withdrawing) a link: a leader of either group, or staff of either
#   group's region: either side may leave a partnership.
# - The region's network page (graph and table): staff of the region and national staff.

from django.db.models import Q  # noqa: E402

from communities.access import staff_region_id  # noqa: E402
from communities.models import GroupLink, LinkStatus, MembershipRole, Region  # noqa: E402
from mentors.selectors import assigned_group_ids_subquery  # noqa: E402
from programme.models import Forum  # noqa: E402


def _own_group_ids(user):
    """Groups the user belongs to or mentors today, as a subquery (empty for staff-only users)."""
    mine = Q(memberships__user=user)
    if user.is_mentor:
        mine |= Q(pk__in=assigned_group_ids_subquery(user))
    return CommunityGroup.objects.filter(mine).values("pk")


def forums_visible_to(user):
    """Forums the user may read (see above). One query, no per-row check."""
    forums = Forum.objects.select_related("tambon__district", "tambon__province")
    if not user.is_authenticated:
        return forums.none()
    if user.is_national_staff:
        return forums
    visible = Q(pk__in=Forum.objects.filter(groups__in=_own_group_ids(user)).values("pk"))
    region_id = staff_region_id(user)
    if region_id:
        visible |= Q(tambon__province__region_id=region_id)
    return forums.filter(visible)


def has_groups_in_region(user, region_id) -> bool:
    return (
        user.is_authenticated
        and CommunityGroup.objects.in_region(region_id).filter(pk__in=_own_group_ids(user)).exists()
    )


def mentored_groups_in_region(user, region_id):
    """The groups of the region the user mentors today (none for anyone else)."""
    if not user.is_authenticated or not user.is_mentor:
        return CommunityGroup.objects.none()
    return CommunityGroup.objects.in_region(region_id).filter(
        pk__in=assigned_group_ids_subquery(user)
    )


def can_record_forum(user, region_id) -> bool:
    return can_see_region(user, region_id) or mentored_groups_in_region(user, region_id).exists()


def can_edit_forum(user, forum: Forum) -> bool:
    if can_see_region(user, forum.tambon.province.region_id):
        return True
    return (
        forum.created_by_id == user.pk
        and user.is_mentor
        and forum.groups.filter(pk__in=assigned_group_ids_subquery(user)).exists()
    )


def get_region_for_forums(user, slug) -> Region:
    """The region's forum list: staff of it, national staff, or people with groups there."""
    region = get_object_or_404(Region, slug=slug)
    if not (can_see_region(user, region.pk) or has_groups_in_region(user, region.pk)):
        raise Http404
    return region


def get_region_for_forum_record(user, slug) -> Region:
    region = get_region_for_forums(user, slug)
    if not can_record_forum(user, region.pk):
        raise PermissionDenied
    return region


def get_forum_for_user(user, pk) -> Forum:
    return get_object_or_404(forums_visible_to(user), pk=pk)


def get_forum_for_edit(user, pk) -> Forum:
    forum = get_forum_for_user(user, pk)
    if not can_edit_forum(user, forum):
        raise PermissionDenied
    return forum


def can_link_as_staff(user, *groups: CommunityGroup) -> bool:
    """Staff who see the regions of all the groups (national staff: any groups)."""
    return all(can_see_region(user, group.region_id) for group in groups)


def can_manage_network(user, group: CommunityGroup) -> bool:
    """Who may add links from the group: staff of its region, or its leaders."""
    return can_link_as_staff(user, group) or is_group_leader(user, group)


def link_partner_groups(user, group: CommunityGroup):
    """Groups the user may link `group` to: any group for national staff, else the group's
    region (a leader's links are proposals until the other side accepts)."""
    groups = CommunityGroup.objects.with_place().exclude(pk=group.pk)
    if user.is_authenticated and user.is_national_staff:
        return groups
    return groups.in_region(group.region_id)


def links_directly(user, group: CommunityGroup, other: CommunityGroup) -> bool:
    """Whether a new link stands at once (staff of both, or a leader of the other group too)
    rather than waiting for the other side."""
    return can_link_as_staff(user, group, other) or is_group_leader(user, other)


def get_group_for_network(user, pk) -> CommunityGroup:
    return get_group_for_programme(user, pk)


def get_group_for_network_manage(user, pk) -> CommunityGroup:
    return _get(user, pk, can_manage_network)


def links_visible_to(user):
    groups = groups_with_canvases_visible_to(user).values("pk")
    return GroupLink.objects.select_related(
        "group_low__tambon__province", "group_high__tambon__province"
    ).filter(Q(group_low__in=groups) | Q(group_high__in=groups))


def led_group_ids(user) -> set[int]:
    """The groups the user leads: one query, for checking many links at once."""
    if not user.is_authenticated:
        return set()
    return set(
        user.memberships.filter(role=MembershipRole.LEADER).values_list("group_id", flat=True)
    )


def can_accept_link(user, link: GroupLink, led: set[int] | None = None) -> bool:
    """A proposed link: a leader of the side that did not ask, or staff of both regions.
    `led` (led_group_ids) saves a query per link on lists."""
    if link.status != LinkStatus.PROPOSED:
        return False
    if can_link_as_staff(user, link.group_low, link.group_high):
        return True
    led = led_group_ids(user) if led is None else led
    answering = {link.group_low_id, link.group_high_id} - {link.proposed_by_group_id}
    return bool(answering & led)


def can_remove_link(user, link: GroupLink, led: set[int] | None = None) -> bool:
    if any(can_see_region(user, g.region_id) for g in (link.group_low, link.group_high)):
        return True
    led = led_group_ids(user) if led is None else led
    return bool({link.group_low_id, link.group_high_id} & led)


def _get_link(user, pk, rule) -> GroupLink:
    link = get_object_or_404(links_visible_to(user), pk=pk)
    if not rule(user, link):
        raise PermissionDenied
    return link


def get_link_for_accept(user, pk) -> GroupLink:
    return _get_link(user, pk, can_accept_link)


def get_link_for_remove(user, pk) -> GroupLink:
    return _get_link(user, pk, can_remove_link)


def get_region_for_network(user, slug) -> Region:
    """The region's network page: staff of the region and national staff; others 404."""
    region = get_object_or_404(Region, slug=slug)
    if not can_see_region(user, region.pk):
        raise Http404
    return region
