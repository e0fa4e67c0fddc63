"""The programme page of the dashboards: what the groups' plans achieved, where the groups
stand and their four-area plans, per province (and region), with its downloads.

The same viewers, scope and filters as the dashboard (dashboards.pages); a province
picked in the filters narrows the same page to that province.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts import audit
from dashboards import exports, pages, selectors
from dashboards import programme_figures as figures
from dashboards.scope import Scope
from programme.models import Area, Stage

TEMPLATE = "dashboards/programme.html"
WRITERS = {"csv": exports.csv_response, "xlsx": exports.xlsx_response}
# The columns of the results table (sortable with `?order=`), after the area's name.
RESULT_COLUMNS = (
    "name",
    "groups",
    "reporting",
    "not_reporting",
    "confirmed",
    "income",
    "costs",
    "members_earning",
    "households_earning",
    "income_change",
    "income_change_percent",
    "compared",
    "forums",
    "forum_participants",
)
RESULT_LABELS = {"name": lambda: _("พื้นที่")}
# The figures of a row that link to a group list, and the list's `programme` filter.
LINKED = {
    "groups": "",
    "reporting": "reporting",
    "not_reporting": "not-reporting",
    "confirmed": "confirmed",
}


def _scope(request):
    """(scope, form); scope is None when a filter is bad."""
    scope, form = pages.scope_and_form(request)
    if scope is None:
        return None, form
    return figures.narrowed_to_province(scope, form.cleaned_data.get("province")), form


def _region_param(scope: Scope) -> str:
    return scope.region.slug if scope.viewer.is_national and scope.region else ""


def _group_list(request, scope: Scope, *, province_code="", region_slug="") -> str:
    """The group list of one row (a province, a region, or the page's whole area)."""
    if province_code:
        url = reverse("dashboards:province_list", args=[province_code, "groups"])
        return url + pages.carried_query(request)
    url = reverse("dashboards:list_root", args=["groups"])
    return url + pages.carried_query(request, region=region_slug)


def _link(row, base: str) -> None:
    """Every figure of the row: a link to the groups behind it."""
    joiner = "&" if "?" in base else "?"
    for name, key in LINKED.items():
        row.links[name] = f"{base}{joiner}programme={key}" if key else base
    # Money and earners are counted over the groups reporting.
    for name in ("income", "costs", "members_earning", "households_earning"):
        row.links[name] = row.links["reporting"]
    for stage, _count in row.stages:
        row.links[f"stage_{stage}"] = f"{base}{joiner}programme=stage-{stage}"
    for area, _items, _done in row.plan:
        row.links[f"plan_{area}"] = f"{base}{joiner}programme=plan-{area}"
        row.links[f"plan_{area}_done"] = f"{base}{joiner}programme=plan-{area}-done"


def _results_headers(request, scope: Scope, order: str) -> list[dict]:
    """The results table's headers: each a link sorting the rows by it (again: the other
    way round); names A→Z first, figures largest first."""
    labels = dict(figures.columns())
    here = reverse("dashboards:programme")
    headers = []
    for key in RESULT_COLUMNS:
        current = order.removeprefix("-") == key
        descending = order.startswith("-")
        if current:
            next_order = key if descending else f"-{key}"
        else:
            next_order = key if key == "name" else f"-{key}"
        query = pages.carried_query(
            request,
            region=_region_param(scope),
            province=scope.province.pk if scope.province else "",
            order=next_order,
        )
        headers.append(
            {
                "label": labels.get(key) or RESULT_LABELS[key](),
                "url": here + query,
                "aria_sort": ("descending" if descending else "ascending") if current else "",
            }
        )
    return headers


def _order(request) -> str:
    """`?order=<column>` or `-<column>` (largest first); none: provinces by name, regions
    as the country lists them. An unknown column is 404."""
    order = request.GET.get("order", "")
    if order and order.removeprefix("-") not in RESULT_COLUMNS:
        raise Http404
    return order


def _export_urls(request, scope: Scope) -> dict[str, str]:
    query = pages.carried_query(
        request,
        region=_region_param(scope),
        province=scope.province.pk if scope.province else "",
    )
    return {
        extension: reverse("dashboards:programme_export", args=[extension]) + query
        for extension in WRITERS
    }


@require_GET
@login_required
def programme(request):
    """Results, stages and plans of the viewer's region (staff), a region or the country
    (national staff, `?region=<slug>`), or their assigned groups (mentors)."""
    scope, form = _scope(request)
    if scope is None:
        return render(request, TEMPLATE, {"form": form}, status=400)
    order = _order(request)
    page = figures.programme_page(scope)
    if order:
        column, descending = order.removeprefix("-"), order.startswith("-")
        page.provinces = selectors.sort_rows(page.provinces, column, descending)
        page.regions = selectors.sort_rows(page.regions, column, descending)
    if scope.province:
        _link(page.total, _group_list(request, scope, province_code=scope.province.pk))
    else:
        _link(page.total, _group_list(request, scope, region_slug=_region_param(scope)))
    here = reverse("dashboards:programme")
    for row in page.provinces:
        _link(row, _group_list(request, scope, province_code=row.key))
        row.url = here + pages.carried_query(request, region=_region_param(scope), province=row.key)
    for row in page.regions:
        _link(row, _group_list(request, scope, region_slug=row.key))
        row.url = here + pages.carried_query(request, region=row.key)
    if scope.viewer.is_mentor:
        title = _("ผลลัพธ์ของโครงการ · กลุ่มที่ฉันดูแล")
    else:
        title = _("ผลลัพธ์ของโครงการ · %(area)s") % {"area": scope.area or _("ทั้งประเทศ")}
    return render(
        request,
        TEMPLATE,
        {
            "form": form,
            "scope": scope,
            "page": page,
            "title": title,
            "dashboard_url": reverse("dashboards:index")
            + pages.carried_query(request, region=_region_param(scope)),
            "export_urls": _export_urls(request, scope),
            "results_headers": _results_headers(request, scope, order),
            "order": order,
            "stages": Stage.choices,
            "areas": Area.choices,
        },
    )


@require_GET
@login_required
def programme_export(request, extension):
    """The province table of the programme page (then its total) as CSV or XLSX."""
    scope, form = _scope(request)
    if scope is None:
        return render(request, TEMPLATE, {"form": form}, status=400)
    page = figures.programme_page(scope)
    columns = figures.columns()
    headers = [_("จังหวัด"), *(label for _key, label in columns)]
    table = [
        [row.name, *(row.value(key) for key, _label in columns)]
        for row in [*page.provinces, page.total]
    ]
    filename = pages.export_filename(scope, form, extension, what=_("ผลลัพธ์โครงการ"))
    audit.record(
        actor=request.user,
        action=audit.AuditAction.EXPORT,
        region_id=scope.region_id,
        summary=_("ส่งออกตารางผลลัพธ์ของโครงการ %(file)s") % {"file": filename},
        details={"what": "programme", "format": extension, "query": request.GET.urlencode()},
    )
    return WRITERS[extension](filename, headers, iter(table))
