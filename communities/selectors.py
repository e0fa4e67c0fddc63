"""Reads of the communities app: place search and group lists."""

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from django.apps import apps
from django.contrib.postgres.fields import ArrayField
from django.db.models import (
    CharField,
    Count,
    F,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber
from django.utils import timezone

from cbmc_portal.text import without_control_chars
from communities.geography import search_form
from communities.models import CapitalItem, CapitalKind, CommunityGroup, Province, Tambon

PLACE_CANDIDATES = 300
PLACE_RESULTS = 20


@dataclass
class PlaceSearch:
    """What a typed place turned out to be.

    `stated_province` is a province named in the text ("…, Pattani");
    `mismatch` is true when tambons of that name exist, only not in it.
    """

    query: str
    tambons: list[Tambon] = field(default_factory=list)
    stated_province: Province | None = None
    mismatch: bool = False
    tambon_words: str = ""


@lru_cache(maxsize=1)
def _province_keys() -> dict[str, str]:
    """Search form of every province name (Thai and English) → province code."""
    keys = {}
    for code, name_th, name_en in Province.objects.values_list("code", "name_th", "name_en"):
        keys[search_form(name_th)] = code
        keys[search_form(name_en)] = code
    keys["กทม"] = keys.get(search_form("กรุงเทพมหานคร"), "10")
    return keys


def forget_province_names(**kwargs) -> None:
    """Read the province names again on the next search (a province was saved or deleted)."""
    _province_keys.cache_clear()


def _split_province(query: str) -> tuple[str, str | None]:
    """Separate a trailing province name from the tambon words of a typed place."""
    parts = [part for part in re.split(r"[,\s›>/]+", query.strip()) if part]
    keys = _province_keys()
    for size in range(min(4, len(parts) - 1), 0, -1):
        province_code = keys.get(search_form("".join(parts[-size:])))
        if province_code:
            return "".join(parts[:-size]), province_code
    return query, None


def _rank(tambon: Tambon, key: str) -> tuple:
    names = tambon.search_key.split("|")
    if key in (names[0], names[1]):
        kind = 0
    elif names[0].startswith(key) or names[1].startswith(key):
        kind = 1
    elif key in names[0] or key in names[1]:
        kind = 2
    else:
        kind = 3
    # DOPA codes keep a district's tambons together, in their official order.
    return (kind, tambon.code)


def search_tambons(query: str, limit: int = PLACE_RESULTS) -> PlaceSearch:
    """Tambons whose Thai or English name, district or province contains the typed words."""
    query = without_control_chars(query)
    result = PlaceSearch(query=query)
    words, province_code = _split_province(query)
    key = search_form(words)
    if not key:
        return result
    result.tambon_words = words
    found = list(
        Tambon.objects.current()
        .filter(search_key__contains=key)
        .select_related("district", "province")[:PLACE_CANDIDATES]
    )
    if province_code:
        result.stated_province = Province.objects.get(code=province_code)
        in_province = [t for t in found if t.province_id == province_code]
        if in_province:
            found = in_province
        elif found:
            # Only tambons named like it matter here, not whole districts.
            named = [t for t in found if _rank(t, key)[0] <= 2]
            result.mismatch = bool(named)
            found = named or found
    found.sort(key=lambda tambon: _rank(tambon, key))
    result.tambons = found[:limit]
    return result


def tambon_by_code(code: str) -> Tambon | None:
    code = without_control_chars(code)
    return Tambon.objects.select_related("district", "province").filter(code=code).first()


@cache
def _listed_groups():
    """The group list's rows, built once per process and filtered per request (each filter
    is a copy): resolving the five subqueries of `with_plan_states` cost every request.

    Only the columns a row shows. The tambon (its `place_label`, kept on the tambon) is
    read for the page's rows only, in a query of its own: joined to the region's
    thousands of groups before the sort, it cost half the list's time."""
    return with_plan_states(
        CommunityGroup.objects.only("name", "name_en", "kind", "tambon_id").prefetch_related(
            Prefetch("tambon", queryset=Tambon.objects.only("place_th", "place_en"))
        )
    )


def groups_for_list(*, region_id=None, query: str = ""):
    """Groups of a region (or all), searched by Thai/English name of group or place,
    by province name, then group name.

    The region's province codes are read first and written into the query: PostgreSQL
    then finds the groups by the index on their own `province_code`, where a join to
    the provinces made it read every group of the country."""
    provinces = Province.objects.order_by("name_th", "code")
    if region_id:
        provinces = provinces.filter(region_id=region_id)
    codes = list(provinces.values_list("code", flat=True))
    groups = _listed_groups().all()  # a copy: the shared one must never hold results
    if region_id:
        groups = groups.filter(province_code__in=codes)
    query = without_control_chars(query).strip()
    if query:
        key = search_form(query)
        groups = groups.filter(
            Q(name__icontains=query)
            | Q(name_en__icontains=query)
            | Q(tambon__search_key__contains=key)
        )
    by_province_name = Func(
        Value(codes, output_field=ArrayField(CharField())),
        F("province_code"),
        function="array_position",
        output_field=IntegerField(),
    )
    return groups.order_by(by_province_name, "name", "pk")


# Canvases sit to the right of communities (accounts ← communities ← … ← canvases), so
# the group list reads them by name: the states are the canvas status values.
PLAN_STATES = ("draft", "submitted", "changes_requested", "approved")


def with_plan_states(groups):
    """Groups annotated with `plans_<state>` (how many plans in each state) and
    `waiting_since` (when the longest-waiting submitted plan was last sent).

    Correlated subqueries, so a page of groups costs one query whatever its size
    and the database computes them for the rows of the page only."""
    canvases = apps.get_model("canvases", "Canvas").objects
    versions = apps.get_model("canvases", "CanvasVersion").objects
    counts = {
        f"plans_{state}": Coalesce(
            Subquery(
                canvases.filter(group=OuterRef("pk"), status=state)
                .order_by()
                .values("group")
                .annotate(n=Count("pk"))
                .values("n"),
                output_field=IntegerField(),
            ),
            0,
        )
        for state in PLAN_STATES
    }
    # The latest version of a canvas is the one numbered version_count.
    waiting_since = (
        versions.filter(
            canvas__group=OuterRef("pk"),
            canvas__status="submitted",
            number=F("canvas__version_count"),
        )
        .order_by("submitted_at")
        .values("submitted_at")[:1]
    )
    return groups.annotate(**counts, waiting_since=Subquery(waiting_since))


def with_days_waiting(groups, today=None) -> list:
    """Each group (from `with_plan_states`) with `days_waiting`: whole local days since
    `waiting_since`, or None when no plan waits."""
    today = today or timezone.localdate()
    rows = list(groups)
    for group in rows:
        since = group.waiting_since
        group.days_waiting = (today - timezone.localdate(since)).days if since else None
        group.plans_total = sum(getattr(group, f"plans_{state}") for state in PLAN_STATES)
    return rows


# Community capital -------------------------------------------------------------

# The editor shows at most this many items of each kind beside the key-resources block.
CAPITAL_PROMPTS_PER_KIND = 5


def capital_by_kind(tambon) -> list[dict]:
    """The tambon's whole inventory in one query, grouped by kind in the order of CapitalKind."""
    by_kind = {kind: [] for kind in CapitalKind.values}
    for item in CapitalItem.objects.filter(tambon=tambon).select_related("added_by"):
        by_kind.setdefault(item.kind, []).append(item)
    return [
        {"kind": kind, "label": label, "items": by_kind[kind]}
        for kind, label in CapitalKind.choices
    ]


def capital_prompts(tambon_id, per_kind: int = CAPITAL_PROMPTS_PER_KIND) -> dict:
    """The first `per_kind` items of each kind and how many more there are, in one query.

    For the canvas editor: only the kinds that hold items, in CapitalKind order,
    each as {"kind", "label", "items": [what, ...], "more": n}; "total" counts all items.
    """
    rows = (
        CapitalItem.objects.filter(tambon_id=tambon_id)
        .annotate(
            rank=Window(RowNumber(), partition_by=F("kind"), order_by=[F("created_at"), F("pk")]),
            kind_total=Window(Count("pk"), partition_by=F("kind")),
        )
        .filter(rank__lte=per_kind)
        .order_by("kind", "rank")
        .values_list("kind", "what", "kind_total")
    )
    items, totals = {}, {}
    for kind, what, kind_total in rows:
        items.setdefault(kind, []).append(what)
        totals[kind] = kind_total
    kinds = [
        {
            "kind": kind,
            "label": label,
            "items": items[kind],
            "more": totals[kind] - len(items[kind]),
        }
        for kind, label in CapitalKind.choices
        if kind in items
    ]
    return {"kinds": kinds, "total": sum(totals.values())}
