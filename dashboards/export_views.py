"""Downloads of the dashboards' data: the canvases export as CSV and XLSX."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseBadRequest
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts import audit
from dashboards import exports
from dashboards.canvas_export import (
    CanvasExportFilterForm,
    canvas_export_filename,
    canvas_export_headers,
    canvas_export_rows,
    canvases_for_export,
)

WRITERS = {"csv": exports.csv_response, "xlsx": exports.xlsx_response}


def _exporter_only(user):
    """Staff and mentors export; community users (leaders, members) are outsiders here."""
    if not (user.is_codi_staff or user.is_mentor):
        raise Http404


def _export_canvases(request, extension: str):
    _exporter_only(request.user)
    form = CanvasExportFilterForm(request.GET, user=request.user)
    if not form.is_valid():
        return HttpResponseBadRequest(
            _("ส่งออกไม่ได้ เพราะตัวกรองไม่ถูกต้อง:") + "\n" + form.error_text(),
            content_type="text/plain; charset=utf-8",
        )
    data = form.cleaned_data
    filters = form.filters()
    filename = canvas_export_filename(filters, extension)
    region, province = data["scope_region"], data["province"]
    audit.record(
        actor=request.user,
        action=audit.AuditAction.EXPORT,
        # Filed under the region exported, so that region's staff read it.
        region_id=region.pk if region else (province.region_id if province else None),
        summary=_("ส่งออกแผนธุรกิจเพื่อชุมชน %(file)s") % {"file": filename},
        details={"what": "canvases", "format": extension, "filters": filters},
    )
    values = canvases_for_export(
        request.user, region=region, province=province, status=data["status"]
    )
    return WRITERS[extension](filename, canvas_export_headers(), canvas_export_rows(values))


@require_GET
@login_required
def export_canvases_csv(request):
    """Every canvas in the user's scope, one row each, as a streamed CSV."""
    return _export_canvases(request, "csv")


@require_GET
@login_required
def export_canvases_xlsx(request):
    """The same rows as the CSV, as an Excel workbook."""
    return _export_canvases(request, "xlsx")
