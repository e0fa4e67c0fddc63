"""Who reads and changes a tambon's community capital.

Changers: leaders of any group of the tambon, mentors assigned today to a
group of it, staff of its region and national staff. Readers: anyone who may
read a canvas of a group of the tambon (so every changer), and the region's
staff even before the tambon has a group. Anyone else gets 404;
a reader who may not change it gets 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from canvases.access import groups_with_canvases_visible_to
from communities.access import can_see_region, leads_group_in_tambon
from communities.models import CapitalItem, CommunityGroup, Tambon
from mentors.selectors import assigned_group_ids_subquery

# DOPA tambon codes are six digits; anything longer is not looked up.
TAMBON_CODE_MAX_CHARS = 6


def mentors_group_in_tambon(user, tambon) -> bool:
    """The user is, today, a mentor assigned to at least one group of the tambon."""
    if not user.is_authenticated or not user.is_mentor:
        return False
    return CommunityGroup.objects.filter(
        tambon=tambon, pk__in=assigned_group_ids_subquery(user)
    ).exists()


def can_edit_capital(user, tambon: Tambon) -> bool:
    if not user.is_authenticated:
        return False
    return (
        can_see_region(user, tambon.province.region_id)
        or leads_group_in_tambon(user, tambon)
        or mentors_group_in_tambon(user, tambon)
    )


def can_read_capital(user, tambon: Tambon) -> bool:
    """Staff of the region and national staff, and whoever reads a canvas of a group of the
    tambon (its leaders and assigned mentors among them)."""
    if not user.is_authenticated:
        return False
    return (
        can_see_region(user, tambon.province.region_id)
        or groups_with_canvases_visible_to(user).filter(tambon=tambon).exists()
    )


def _tambon(code) -> Tambon:
    code = str(code)[:TAMBON_CODE_MAX_CHARS]
    tambon = Tambon.objects.select_related("district", "province").filter(code=code).first()
    if tambon is None:
        raise Http404
    return tambon


def get_tambon_for_capital(user, code) -> Tambon:
    tambon = _tambon(code)
    if not can_read_capital(user, tambon):
        raise Http404
    return tambon


def get_tambon_for_capital_edit(user, code) -> Tambon:
    """Readers who may not change the inventory (a group's members) get 403."""
    tambon = _tambon(code)
    if can_edit_capital(user, tambon):
        return tambon
    if can_read_capital(user, tambon):
        raise PermissionDenied
    raise Http404


def get_capital_item_for_edit(user, code, pk) -> CapitalItem:
    """An item of a tambon the user may change; an item of another tambon is 404."""
    tambon = get_tambon_for_capital_edit(user, code)
    item = CapitalItem.objects.filter(tambon=tambon, pk=pk).first()
    if item is None:
        raise Http404
    item.tambon = tambon
    return item
