"""What the dashboard pages share: a request's scope and filters, links that keep them,
and the name of a downloaded table.

The dashboard, its lists and the programme page read the same filters the same way;
each view module imports these, never another view module.
"""

from urllib.parse import urlencode

from django.utils.translation import gettext as _

from cbmc_portal.fiscal import FiscalYear
from dashboards import access, selectors
from dashboards.forms import DashboardFilterForm
from dashboards.scope import Filters, Level, Scope
from mentors import access as mentor_access

# Filters that follow the viewer from page to page (the sort and the map's figure stay).
CARRIED = ("cohort", "sector", "kind", "fy")


def _area(viewer, level, code):
    """The page's area by its DOPA code; 404 outside the viewer's reach."""
    getter = {
        Level.PROVINCE: access.get_province_for_viewer,
        Level.DISTRICT: access.get_district_for_viewer,
        Level.TAMBON: access.get_tambon_for_viewer,
    }[level]
    return getter(viewer, code)


def scope_and_form(request, level=None, code=None):
    """(scope, form) of a dashboard page or list; scope is None when a filter is bad."""
    viewer = access.get_viewer(request.user)
    region = province = district = tambon = None
    root = level is None
    if root:
        region = access.region_for_viewer(viewer, request.GET.get("region", ""))
        level = Level.REGION if region else Level.COUNTRY
    else:
        area = _area(viewer, level, code)
        tambon = area if level == Level.TAMBON else None
        district = tambon.district if tambon else (area if level == Level.DISTRICT else None)
        province = district.province if district else area
        region = province.region
    cohorts = mentor_access.cohorts_visible_to(request.user).order_by("-year", "name")
    if region:
        cohorts = cohorts.filter(region=region)
    form = DashboardFilterForm(
        request.GET,
        regions=selectors.regions() if viewer.is_national and root else None,
        provinces=selectors.provinces_for_filter(viewer, region)
        if level in (Level.COUNTRY, Level.REGION)
        else None,
        cohorts=cohorts,
    )
    if not form.is_valid():
        return None, form
    data = form.cleaned_data
    scope = Scope(
        viewer=viewer,
        level=level,
        fiscal_year=FiscalYear(data["fy"]),
        region=region,
        province=province,
        district=district,
        tambon=tambon,
        filters=Filters(
            cohort_id=data["cohort"].pk if data.get("cohort") else None,
            sector=data.get("sector") or "",
            kind=data.get("kind") or "",
        ),
    )
    return scope, form


def carried_query(request, **extra) -> str:
    """The filters to keep on a link, as a query string (with `?`), plus `extra`."""
    params = {key: request.GET[key] for key in CARRIED if request.GET.get(key)}
    params.update({key: value for key, value in extra.items() if value})
    return f"?{urlencode(params)}" if params else ""


def export_filename(scope: Scope, form, extension: str, *, what: str = "") -> str:
    """What the file holds, in its name: the table (`what`, else the dashboard), the area,
    the fiscal year and every filter applied."""
    parts = [what or _("แดชบอร์ด"), str(scope.area) if scope.area else _("ทั้งประเทศ")]
    if scope.viewer.is_mentor:
        parts[1] = _("กลุ่มที่ฉันดูแล")
    parts.append(_("ปีงบประมาณ%(year)s") % {"year": scope.fiscal_year.year})
    data = form.cleaned_data
    if data.get("cohort"):
        parts.append(str(data["cohort"]))
    for name in ("sector", "kind"):
        if data.get(name):
            parts.append(str(dict(form.fields[name].choices)[data[name]]))
    return "-".join(part.replace(" ", "_") for part in parts) + f".{extension}"
