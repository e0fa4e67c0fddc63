from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from accounts import audit
from canvases import selectors as canvas_selectors
from cbmc_portal.fiscal import FiscalYear, current_fiscal_year, fiscal_year_choices
from dashboards import access, charts, exports, lists, programme_figures, selectors, services
from dashboards.forms import COLUMNS, MAP_FIGURES, TargetsForm
from dashboards.models import FiscalTarget
from dashboards.pages import carried_query as _carried_query
from dashboards.pages import export_filename as _export_filename
from dashboards.pages import scope_and_form as _scope_and_form
from dashboards.scope import Level, Scope
from mentors import selectors as mentor_selectors

# The mentor's home shows the oldest waiting versions; the queue page has them all.
QUEUE_ON_HOME = 20
ROWS_PER_LIST = 50


@login_required
def home(request):
    """Each role's home: a leader's groups; a mentor's review queue and assigned groups.

    Staff go to their region's groups."""
    user = request.user
    if user.is_codi_staff:
        return redirect("communities:group_list")
    mentor = mentor_selectors.mentor_of(user) if user.is_mentor else None
    queue = assignments = None
    if mentor:
        assignments = list(mentor_selectors.mentor_groups(mentor))
        # The groups the mentor follows today are those of the assignments just read.
        followed = {assignment.group_id for assignment in assignments}
        queue = canvas_selectors.with_days_waiting(
            canvas_selectors.review_queue(user, mentor_group_ids=followed)[: QUEUE_ON_HOME + 1]
        )
    return render(
        request,
        "dashboards/home.html",
        {
            "memberships": selectors.home_memberships(user),
            "mentor": mentor,
            "mentor_assignments": assignments,
            "queue": queue[:QUEUE_ON_HOME] if queue is not None else None,
            "queue_has_more": queue is not None and len(queue) > QUEUE_ON_HOME,
        },
    )


# Dashboards ----------------------------------------------------------------


def _area_url(level: str, key, viewer) -> str:
    """The dashboard page of one area of a table; for a group, its page (its canvases
    for a mentor, who does not open the group's own page)."""
    if level == Level.REGION:
        return reverse("dashboards:index")
    if level == "group":
        name = "canvases:group_list" if viewer.is_mentor else "communities:group_detail"
        return reverse(name, args=[key])
    return reverse(f"dashboards:{level}", args=[key])


def _page_url(scope: Scope) -> str:
    if scope.level in (Level.COUNTRY, Level.REGION):
        return reverse("dashboards:index")
    return reverse(f"dashboards:{scope.level}", args=[scope.area.pk])


def _list_urls(scope: Scope, query: str) -> dict[str, str]:
    """The list behind each figure, with this page's area and filters; `canvases_<state>`
    for the canvases of one state."""

    def url(figure):
        if scope.level in (Level.COUNTRY, Level.REGION):
            return reverse("dashboards:list_root", args=[figure])
        return reverse(f"dashboards:{scope.level}_list", args=[scope.area.pk, figure])

    urls = {figure.replace("-", "_"): url(figure) + query for figure in lists.LISTS}
    joiner = "&" if query else "?"
    for state in selectors.STATES:
        urls[f"canvases_{state}"] = f"{url('canvases')}{query}{joiner}state={state}"
    return urls


def _export_urls(scope: Scope, query: str) -> dict[str, str]:
    urls = {}
    for extension in ("csv", "xlsx"):
        if scope.level in (Level.COUNTRY, Level.REGION):
            url = reverse("dashboards:export_root", args=[extension])
        else:
            url = reverse("dashboards:export_area", args=[scope.level, scope.area.pk, extension])
        urls[extension] = url + query
    return urls


def _canvas_export_urls(scope: Scope) -> dict[str, str]:
    """Every canvas of the page's region or province, one row each (dashboards.export_views)."""
    if scope.level in (Level.DISTRICT, Level.TAMBON):
        return {}
    params = {}
    if scope.province:
        params["province"] = scope.province.pk
    elif scope.region and scope.viewer.is_national:
        params["region"] = scope.region.slug
    query = f"?{urlencode(params)}" if params else ""
    return {
        "csv": reverse("dashboards:export_canvases_csv") + query,
        "xlsx": reverse("dashboards:export_canvases_xlsx") + query,
    }


def _sort_headers(page_url: str, query: str, sort: str) -> list[dict]:
    """Each column's header: a link that sorts by it (again: the other way round)."""
    joiner = "&" if query else "?"
    headers = []
    for key, label in COLUMNS:
        current = sort.lstrip("-") == key
        descending = sort.startswith("-")
        # Names sort A→Z first; figures largest first.
        if current:
            next_sort = key if descending else f"-{key}"
        else:
            next_sort = key if key == "name" else f"-{key}"
        headers.append(
            {
                "key": key,
                "label": label,
                "url": f"{page_url}{query}{joiner}sort={next_sort}",
                "aria_sort": ("descending" if descending else "ascending") if current else "",
            }
        )
    return headers


def _breadcrumb(request, scope: Scope) -> list[tuple[str, str]]:
    """(label, url) from the top the viewer may reach down to the page's parent."""
    crumbs = []
    query = _carried_query(request)
    if scope.viewer.is_mentor:
        crumbs.append((_("กลุ่มที่ฉันดูแล"), reverse("dashboards:index") + query))
    else:
        if scope.viewer.is_national:
            crumbs.append((_("ทั้งประเทศ"), reverse("dashboards:index") + query))
        if scope.region:
            region_query = _carried_query(
                request, region=scope.region.slug if scope.viewer.is_national else ""
            )
            crumbs.append((scope.region.name, reverse("dashboards:index") + region_query))
    for level, area in (
        (Level.PROVINCE, scope.province),
        (Level.DISTRICT, scope.district),
        (Level.TAMBON, scope.tambon),
    ):
        if area:
            crumbs.append((area.name, reverse(f"dashboards:{level}", args=[area.pk]) + query))
    return crumbs


def _dashboard_page(request, level=None, code=None):
    scope, form = _scope_and_form(request, level, code)
    if scope is None:
        return render(request, "dashboards/dashboard.html", {"form": form}, status=400)
    province = form.cleaned_data.get("province")
    if province:
        # Choosing a province in the filters opens its own page, the filters kept.
        url = reverse("dashboards:province", args=[province.pk])
        return redirect(url + _carried_query(request))
    sort = form.cleaned_data.get("sort") or "name"
    data = selectors.dashboard(scope, map_figure=form.cleaned_data["figure"])
    column = sort.lstrip("-")
    data.rows = selectors.sort_rows(data.rows, column, sort.startswith("-"))
    query = _carried_query(request)
    region_param = scope.region.slug if scope.viewer.is_national and scope.region else ""
    for row in data.rows:
        if scope.child_level == Level.REGION:
            row.url = reverse("dashboards:index") + _carried_query(
                request, region=row.extra["area"].slug
            )
        else:
            row.url = _area_url(scope.child_level, row.key, scope.viewer) + (
                "" if scope.child_level == "group" else query
            )
    page_url = _page_url(scope)
    page_query = _carried_query(request, region=region_param if level is None else "")
    breadcrumb = _breadcrumb(request, scope)
    monthly = selectors.monthly_counts(scope)
    return render(
        request,
        "dashboards/dashboard.html",
        {
            "form": form,
            "scope": scope,
            "data": data,
            "headers": _sort_headers(page_url, page_query, sort),
            "sort": sort,
            "list_urls": _list_urls(scope, page_query),
            "canvas_export_urls": _canvas_export_urls(scope),
            "export_urls": _export_urls(
                scope,
                _carried_query(
                    request,
                    region=region_param if level is None else "",
                    sort=sort if sort != "name" else "",
                ),
            ),
            "breadcrumb": breadcrumb[:-1],
            "title": breadcrumb[-1][0] if breadcrumb else _("แดชบอร์ด"),
            "monthly": monthly,
            "monthly_svg": charts.monthly_chart_svg(monthly),
            **_map(request, scope, data, form.cleaned_data["figure"]),
            "thresholds": {
                "on_track": round(selectors.ON_TRACK_AT * 100),
                "behind": round(selectors.BEHIND_AT * 100),
            },
            "can_set_targets": access.can_set_targets(request.user),
        },
    )


def _map(request, scope: Scope, data, figure: str) -> dict:
    """The province map of the page (country, region or a mentor's provinces), coloured
    by the figure picked; the same numbers go in a table beside it."""
    if scope.child_level == Level.PROVINCE:
        rows = data.rows
    elif scope.level == Level.COUNTRY and scope.viewer.is_national:
        rows = selectors.country_province_rows(data)
    else:
        return {}
    label = dict(MAP_FIGURES)[figure]
    query = _carried_query(request)
    names = {row.key: row.name for row in rows}

    def value(row):
        number = row.value(figure)
        return number * 100 if number is not None and figure.endswith("share") else number

    values = {row.key: value(row) for row in rows}
    # Each province's page, reversed once for its tile and its row of the table.
    urls = {row.key: reverse("dashboards:province", args=[row.key]) for row in rows}
    svg = charts.province_map_svg(
        values,
        codes=list(values),
        link=lambda code: urls[code] + query,
        name=lambda code: names[code],
        legend_title=str(label),
    )
    return {
        "map_svg": svg,
        "map_label": label,
        "map_rows": [(row, values[row.key], urls[row.key]) for row in rows],
        "map_query": [
            (key, value) for key, value in request.GET.items() if key not in ("figure", "page")
        ],
        "map_figures": MAP_FIGURES,
        "map_figure": figure,
    }


SCORECARD_LABELS = {
    "on_track": _lazy("ตามเป้า"),
    "behind": _lazy("ช้ากว่าเป้า"),
    "far_behind": _lazy("ช้ากว่าเป้ามาก"),
}


def _export_value(row, column):
    value = row.value(column)
    if value is None:
        return None
    if column.endswith("share"):
        return round(value * 100, 1)
    if column in ("median_days", "p90_days", "target"):
        return round(value, 1)
    return value


def _export(request, extension, level=None, code=None):
    """The page's table (one row per area, then the total) as CSV or XLSX."""
    scope, form = _scope_and_form(request, level, code)
    if scope is None:
        return render(request, "dashboards/dashboard.html", {"form": form}, status=400)
    data = selectors.dashboard(scope)
    sort = form.cleaned_data.get("sort") or "name"
    rows = selectors.sort_rows(data.rows, sort.lstrip("-"), sort.startswith("-"))
    data.total.name = _("รวม")
    headers = [label for _key, label in COLUMNS] + [_("สถานะเทียบเป้า")]
    table = [
        [_export_value(row, key) for key, _label in COLUMNS]
        + [str(SCORECARD_LABELS.get(row.scorecard, ""))]
        for row in [*rows, data.total]
    ]
    filename = _export_filename(scope, form, extension)
    audit.record(
        actor=request.user,
        action=audit.AuditAction.EXPORT,
        region_id=scope.region_id,
        summary=_("ส่งออกตารางแดชบอร์ด %(file)s") % {"file": filename},
        details={"what": "dashboard", "format": extension, "query": request.GET.urlencode()},
    )
    respond = exports.csv_response if extension == "csv" else exports.xlsx_response
    return respond(filename, [str(header) for header in headers], iter(table))


@login_required
def export_root(request, extension):
    return _export(request, extension)


@login_required
def export_area(request, level, code, extension):
    if level not in (Level.PROVINCE, Level.DISTRICT, Level.TAMBON):
        raise Http404
    return _export(request, extension, level, code)


@login_required
def index(request):
    """The viewer's dashboard: their region (staff), a region or the country (national
    staff, `?region=<slug>`), or their assigned groups (mentors)."""
    return _dashboard_page(request)


@login_required
def province(request, code):
    return _dashboard_page(request, Level.PROVINCE, code)


@login_required
def district(request, code):
    return _dashboard_page(request, Level.DISTRICT, code)


@login_required
def tambon(request, code):
    return _dashboard_page(request, Level.TAMBON, code)


# The lists behind the figures ---------------------------------------------


def _figure_list(request, figure, level=None, code=None):
    if figure not in lists.LISTS:
        raise Http404
    scope, form = _scope_and_form(request, level, code)
    if scope is None:
        return render(request, "dashboards/figure_list.html", {"form": form}, status=400)
    state = request.GET.get("state", "")
    if figure == "canvases" and state not in selectors.STATES:
        state = ""
    # The groups behind a figure of the programme page (dashboards.programme_views).
    programme = request.GET.get("programme", "")
    if programme and (figure != "groups" or programme not in programme_figures.GROUP_FILTERS):
        raise Http404
    rows = lists.LISTS[figure](scope, state=state, programme=programme)
    page = Paginator(rows, ROWS_PER_LIST).get_page(request.GET.get("page"))
    if figure == "waiting":
        page.object_list = canvas_selectors.with_days_waiting(page.object_list)
    breadcrumb = _breadcrumb(request, scope)
    page_url = _page_url(scope)
    region_param = scope.region.slug if scope.viewer.is_national and scope.region else ""
    return render(
        request,
        "dashboards/figure_list.html",
        {
            "form": form,
            "scope": scope,
            "figure": figure,
            "title": programme_figures.group_list_title(programme)
            if programme
            else lists.title(figure, state),
            "state": state,
            "page": page,
            "breadcrumb": breadcrumb,
            "back_url": _list_back_url(request, scope, page_url, programme, region_param),
        },
    )


def _list_back_url(request, scope: Scope, page_url: str, programme: str, region: str) -> str:
    """Back to the page the list came from: the dashboard, or its programme page (where a
    province is a filter)."""
    if not programme:
        return page_url + _carried_query(request, region=region if scope.province is None else "")
    province = scope.province.pk if scope.level == Level.PROVINCE else ""
    return reverse("dashboards:programme") + _carried_query(
        request, region=region if not province else "", province=province
    )


@login_required
def list_root(request, figure):
    return _figure_list(request, figure)


@login_required
def province_list(request, code, figure):
    return _figure_list(request, figure, Level.PROVINCE, code)


@login_required
def district_list(request, code, figure):
    return _figure_list(request, figure, Level.DISTRICT, code)


@login_required
def tambon_list(request, code, figure):
    return _figure_list(request, figure, Level.TAMBON, code)


# Targets -------------------------------------------------------------------


@login_required
def targets(request):
    """The tambon targets of a fiscal year: national staff set them, regional staff read."""
    access.get_viewer_for_targets(request.user)
    try:
        year = int(request.GET.get("fy") or current_fiscal_year())
    except ValueError:
        year = 0
    if year not in fiscal_year_choices():
        raise Http404
    regions = selectors.regions()
    current = dict(
        FiscalTarget.objects.filter(fiscal_year=year).values_list("region_id", "tambons")
    )
    form = TargetsForm(request.POST or None, regions=regions, initial_values=current)
    if request.method == "POST":
        access.require_target_setter(request.user)
        if form.is_valid():
            services.targets_save(fiscal_year=year, values=form.values(), by=request.user)
            messages.success(request, _("บันทึกเป้าหมายปีงบประมาณ %(year)s แล้ว") % {"year": year})
            return redirect(reverse("dashboards:targets") + f"?fy={year}")
    return render(
        request,
        "dashboards/targets.html",
        {
            "form": form,
            "year": year,
            "years": fiscal_year_choices(),
            "can_set_targets": access.can_set_targets(request.user),
            "fiscal_year": FiscalYear(year),
        },
    )
