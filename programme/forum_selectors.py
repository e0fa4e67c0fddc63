"""Reads of learning forums and of networks of groups: a fixed number of queries each."""

from django.core.paginator import Paginator
from django.db.models import Q

from cbmc_portal.text import plain_number
from communities.models import CommunityGroup, GroupLink, LinkStatus, Province, Tambon
from programme.models import Forum
from programme.periods import Period

FORUMS_PER_PAGE = 25
LINKS_PER_PAGE = 50
GROUP_LINKS_SHOWN = 100
# The region's graph draws at most this many groups: those with the most links, so the
# picture stays readable on a phone; the table beside it lists every link (paged).
NETWORK_MAX_NODES = 40


def region_forums(forums, region_id, fiscal_year: int | None, page_number):
    """A page of the region's forums the user may read (`forums` is theirs), newest first,
    each with its presenting groups. Three queries (count, page, groups)."""
    forums = forums.filter(tambon__province__region_id=region_id)
    if fiscal_year:
        year = Period(fiscal_year, 0)
        forums = forums.filter(held_on__gte=year.starts_on, held_on__lte=year.ends_on)
    forums = forums.prefetch_related("groups").order_by("-held_on", "-pk")
    return Paginator(forums, FORUMS_PER_PAGE).get_page(page_number)


def region_provinces(region_id):
    return Province.objects.current().filter(region_id=region_id).order_by("name_th")


def region_tambons(region_id):
    """Every tambon of the region (validates a form; never listed whole)."""
    return Tambon.objects.select_related("district", "province").filter(
        province__region_id=region_id
    )


def province_tambons(province):
    if province is None:
        return []
    return list(
        Tambon.objects.current()
        .filter(province=province)
        .select_related("district")
        .order_by("district__name_th", "name_th")
    )


def region_groups(region_id):
    return CommunityGroup.objects.with_place().in_region(region_id)


def province_groups(province, extra_ids=(), *, region_id):
    """The province's groups, plus those already chosen in other provinces (kept ticked),
    by name: only groups of `region_id` (a forum's region), so an id of another region's
    group typed into a form is never listed, nor its name shown."""
    ids = [number for number in map(plain_number, extra_ids) if number is not None]
    if province is None and not ids:
        return []
    wanted = Q(tambon__province=province) if province is not None else Q(pk__in=[])
    if ids:
        wanted |= Q(pk__in=ids)
    groups = CommunityGroup.objects.with_place().in_region(region_id).filter(wanted)
    return list(groups.order_by("name", "pk"))


def forum_groups(forum: Forum):
    return list(forum.groups.with_place().order_by("name"))


def group_links(group: CommunityGroup, limit: int = GROUP_LINKS_SHOWN) -> list[GroupLink]:
    """The group's links (accepted first, then proposals), each with `partner` set. One query."""
    links = list(
        GroupLink.objects.of_group(group.pk)
        .select_related("group_low__tambon__province", "group_high__tambon__province")
        .order_by("status", "kind", "pk")[:limit]
    )
    for link in links:
        link.partner = link.other(group.pk)
    return links


def region_network(region_id, page_number) -> dict:
    """The region's accepted links: the groups to draw (at most NETWORK_MAX_NODES, those with
    the most links), the links among them, and a page of every link for the table.

    Four queries whatever the size: the links' ends, the drawn groups, the table's count
    and page.
    """
    links = GroupLink.objects.accepted().touching_region(region_id)
    ends = list(links.values_list("group_low_id", "group_high_id", "kind"))
    degree: dict[int, int] = {}
    for low, high, _kind in ends:
        degree[low] = degree.get(low, 0) + 1
        degree[high] = degree.get(high, 0) + 1
    chosen = sorted(degree, key=lambda pk: (-degree[pk], pk))[:NETWORK_MAX_NODES]
    nodes = []
    if chosen:
        nodes = list(
            CommunityGroup.objects.filter(pk__in=chosen)
            .select_related("tambon__province")
            .order_by("tambon__province__name_th", "name", "pk")
        )
    drawn = {node.pk for node in nodes}
    edges = [(low, high, kind) for low, high, kind in ends if low in drawn and high in drawn]
    table = links.select_related(
        "group_low__tambon__province", "group_high__tambon__province"
    ).order_by("group_low__name", "group_high__name", "kind", "pk")
    page = Paginator(table, LINKS_PER_PAGE).get_page(page_number)
    return {
        "nodes": nodes,
        "edges": edges,
        "groups_linked": len(degree),
        "links_total": len(ends),
        "page": page,
        "capped": len(degree) > len(nodes),
    }


def proposed_links_count(region_id) -> int:
    return GroupLink.objects.filter(status=LinkStatus.PROPOSED).touching_region(region_id).count()
