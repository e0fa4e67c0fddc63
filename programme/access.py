"""Who may see and change a group's programme: its stage, results and four-area plan.

One predicate per rule and one getter per right. Readers: the group's members,
the mentors assigned to it today, staff of its region and national staff;
anyone else gets 404. Insiders without the right get 403.

- leaders of the group enter results (while unconfirmed) and write the plan;
- the group's assigned mentors confirm and un-confirm results;
- the assigned mentors, staff of the region and national staff move the stage.
"""

from django.core.exceptions import PermissionDenied
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
