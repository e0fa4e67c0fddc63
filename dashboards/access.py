"""Who sees which dashboard.

Regional staff see their region, national staff (and admins) every region
and the whole country, mentors the same pages limited to the groups assigned
to them today. Leaders, members and anyone else get 404: the dashboards do
not exist for them. An area outside a viewer's reach is 404 too.

Targets are set by national staff only: the programme's yearly aim is the
national office's to share out; regional staff read their region's target on
the dashboard and the targets page, and get 403 if they try to change it.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from communities.access import staff_region_id
from communities.models import CommunityGroup, District, Province, Region, Tambon
from mentors.selectors import mentor_assigned_group_ids


@dataclass(frozen=True)
class Viewer:
    """What a signed-in viewer may count: every region, one region, or a list of groups."""

    is_national: bool = False
    region_id: int | None = None
    # A mentor's groups assigned today; None for staff (no restriction by group).
    group_ids: tuple[int, ...] | None = None

    @property
    def is_mentor(self) -> bool:
        return self.group_ids is not None

    def may_see_region(self, region_id) -> bool:
        return self.is_national or (self.region_id is not None and self.region_id == region_id)


def can_see_dashboards(user) -> bool:
    return user.is_authenticated and (user.is_codi_staff or user.is_mentor)


def get_viewer(user) -> Viewer:
    """The dashboard viewer for `user`; 404 for anyone who has no dashboard."""
    if not can_see_dashboards(user):
        raise Http404
    if user.is_national_staff:
        return Viewer(is_national=True)
    if user.is_regional_staff:
        region_id = staff_region_id(user)
        if region_id is None:
            raise Http404
        return Viewer(region_id=region_id)
    return Viewer(group_ids=tuple(sorted(mentor_assigned_group_ids(user))))


def can_set_targets(user) -> bool:
    return user.is_authenticated and user.is_national_staff


def get_viewer_for_targets(user) -> Viewer:
    """Staff read the targets page; only national staff change targets (403 for regional)."""
    viewer = get_viewer(user)
    if viewer.is_mentor:
        raise Http404
    return viewer


def require_target_setter(user) -> None:
    if not can_set_targets(user):
        raise PermissionDenied


def region_for_viewer(viewer: Viewer, slug: str) -> Region | None:
    """The region a root dashboard shows: national staff pick one by slug (empty: the
    whole country); regional staff always see theirs; mentors none (their groups).

    A region the viewer may not see, or that does not exist, is 404.
    """
    if viewer.is_mentor:
        if slug:
            raise Http404
        return None
    if viewer.is_national:
        return get_object_or_404(Region, slug=slug) if slug else None
    region = get_object_or_404(Region, pk=viewer.region_id)
    if slug and slug != region.slug:
        raise Http404
    return region


def _check_area(viewer: Viewer, region_id, area_groups) -> None:
    if viewer.is_mentor:
        if not area_groups.filter(pk__in=viewer.group_ids).exists():
            raise Http404
    elif not viewer.may_see_region(region_id):
        raise Http404


def get_province_for_viewer(viewer: Viewer, code: str) -> Province:
    province = get_object_or_404(Province.objects.select_related("region"), code=code)
    groups = CommunityGroup.objects.filter(tambon__province=province)
    _check_area(viewer, province.region_id, groups)
    return province


def get_district_for_viewer(viewer: Viewer, code: str) -> District:
    district = get_object_or_404(District.objects.select_related("province__region"), code=code)
    groups = CommunityGroup.objects.filter(tambon__district=district)
    _check_area(viewer, district.province.region_id, groups)
    return district


def get_tambon_for_viewer(viewer: Viewer, code: str) -> Tambon:
    tambon = get_object_or_404(
        Tambon.objects.select_related("district", "province__region"), code=code
    )
    _check_area(viewer, tambon.province.region_id, CommunityGroup.objects.filter(tambon=tambon))
    return tambon
