"""Views of the canvases app: parse the request, call one service or selector, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts import audit
from canvases import access, printing, selectors, services
from canvases.blocks import BLOCKS
from canvases.editor import (
    block_anchor,
    clock,
    conflict_context,
    conflict_rows,
    conflict_rows_from_form,
    editor_context,
    first_changed_block,
    merged_notes,
    submit_confirm_context,
    submit_confirm_url,
)
from canvases.forms import BlocksForm, CanvasTitleForm, ConflictChoiceForm
from cbmc_portal.text import plain_number
from communities.access import is_group_leader


@login_required
def group_canvases(request, group_pk):
    group = access.get_group_for_canvases(request.user, group_pk)
    return render(
        request,
        "canvases/group_canvases.html",
        {
            "group": group,
            "canvases": selectors.canvases_of_group(group),
            "can_create": is_group_leader(request.user, group),
            "block_total": len(BLOCKS),
        },
    )


@login_required
def canvas_create(request, group_pk):
    group = access.get_group_for_canvases(request.user, group_pk)
    if not is_group_leader(request.user, group):
        raise PermissionDenied
    form = CanvasTitleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        canvas = services.canvas_create(
            group=group, by=request.user, title=form.cleaned_data["title"]
        )
        messages.success(request, _("สร้างแผนแล้ว เริ่มเขียนได้เลย"))
        return redirect(canvas)
    return render(request, "canvases/canvas_create.html", {"group": group, "form": form})


@login_required
def canvas_detail(request, pk):
    """The canvas page: the editor for its leaders while it is a draft, else a read view."""
    canvas = access.get_canvas_for_user(request.user, pk)
    return render(request, "canvases/canvas_detail.html", editor_context(request, canvas))


def _editor_again(request, canvas, form, *, status, conflict=None):
    """The editor once more, with what was typed and the reason beside it."""
    context = editor_context(request, canvas, form, conflict=conflict)
    return render(request, "canvases/canvas_detail.html", context, status=status)


@require_POST
def canvas_save(request, pk):
    """The plain form: the editor's nine texts, or the side-by-side choice after a conflict.

    Works without JavaScript; the editor script saves through `canvas_autosave`.
    """
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("canvases:detail", args=[pk]))
    canvas = access.get_canvas_for_edit(request.user, pk)
    resolving = "resolve" in request.POST
    form = (ConflictChoiceForm if resolving else BlocksForm)(request.POST)
    if not form.is_valid():
        if resolving:
            revision = form.cleaned_data.get("base_revision", canvas.revision)
            conflict = conflict_context(canvas, conflict_rows_from_form(form), revision)
            return _editor_again(request, canvas, None, status=400, conflict=conflict)
        messages.error(request, _("ยังไม่ได้บันทึก กรุณาแก้ไขช่องที่มีข้อความสีแดง"))
        return _editor_again(request, canvas, form, status=400)
    # Read before the save, which refreshes the canvas: the block to come back to.
    changed = first_changed_block(canvas, form.blocks())
    try:
        result = services.canvas_save_blocks(
            canvas=canvas, by=request.user, **form.save_arguments()
        )
    except services.CanvasRefused as refusal:
        messages.error(request, refusal.message)
        return _editor_again(request, canvas, None if resolving else form, status=409)
    for note in merged_notes(result.merged):
        messages.info(request, note)
    if result.is_conflict:
        conflict = conflict_context(canvas, conflict_rows(result.conflicts), result.revision)
        # The typed texts stay in the editor with their old base, so saving them
        # again cannot overwrite the other side's text unseen.
        return _editor_again(
            request, canvas, None if resolving else form, status=409, conflict=conflict
        )
    messages.success(request, _("บันทึกแล้ว %(clock)s น.") % {"clock": clock(canvas.updated_at)})
    if "then_submit" in request.POST:
        # Sending is not undone by a tap: the confirmation page asks first.
        return redirect(submit_confirm_url(canvas))
    return redirect(canvas.get_absolute_url() + block_anchor(changed))


def _submit(request, canvas):
    try:
        version = services.canvas_submit(canvas=canvas, by=request.user)
    except services.CanvasRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request, _("ส่งแผนฉบับที่ %(number)s ให้พิจารณาแล้ว") % {"number": version.number}
        )
    return redirect(canvas)


@login_required
@require_POST
def canvas_submit(request, pk):
    return _submit(request, access.get_canvas_for_edit(request.user, pk))


@login_required
@require_GET
def canvas_submit_confirm(request, pk):
    """The step before sending: what will be sent, to whom, and that it can be taken back
    only until a reviewer opens it. Its button posts to `canvas_submit`."""
    canvas = access.get_canvas_for_edit(request.user, pk)
    if not canvas.is_editable:
        messages.info(
            request,
            _("แผนนี้อยู่ในสถานะ “%(status)s” จึงส่งไม่ได้") % {"status": canvas.get_status_display()},
        )
        return redirect(canvas)
    return render(request, "canvases/submit_confirm.html", submit_confirm_context(canvas))


@login_required
@require_POST
def canvas_withdraw(request, pk):
    """The leaders take a sent version back, while no reviewer has opened it."""
    canvas = access.get_canvas_for_edit(request.user, pk)
    try:
        version = services.canvas_withdraw(canvas=canvas, by=request.user)
    except services.CanvasRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request,
            _("ถอนการส่งฉบับที่ %(number)s แล้ว แก้ไขแผนต่อได้เลย") % {"number": version.number},
        )
    return redirect(canvas)


@login_required
@require_POST
def canvas_revise(request, pk):
    canvas = access.get_canvas_for_edit(request.user, pk)
    try:
        services.canvas_revise(canvas=canvas, by=request.user)
    except services.CanvasRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("เปิดแผนเป็นฉบับร่างใหม่แล้ว แก้ไขได้เลย"))
    return redirect(canvas)


def _print_source(request, canvas):
    """The version named by ?version=, or the current texts."""
    number = request.GET.get("version", "")
    if not number:
        return None, canvas
    number = plain_number(number)
    if number is None:
        raise Http404
    version = selectors.canvas_version_or_404(canvas, number)
    return version, version


def _print_context(request, canvas):
    version, source = _print_source(request, canvas)
    from canvases.pdf import qr_svg_data_uri

    url = request.build_absolute_uri(
        reverse("canvases:version", args=[canvas.pk, version.number])
        if version
        else reverse("canvases:detail", args=[canvas.pk])
    )
    return {
        "canvas": canvas,
        "group": canvas.group,
        "version": version,
        "source": source,
        "blocks": {b.key: {"block": b, "text": source.text(b.key)} for b in BLOCKS},
        "state": printing.print_state(canvas, version),
        "text_pt": printing.text_size_pt(source.blocks or {}),
        "canvas_url": url,
        "qr": qr_svg_data_uri(url),
        "printed_on": version.submitted_at if version else timezone.now(),
    }


@login_required
def canvas_print(request, pk):
    canvas = access.get_canvas_for_user(request.user, pk, related=access.WITH_PLACE)
    return render(request, "canvases/canvas_print.html", _print_context(request, canvas))


@login_required
def canvas_pdf(request, pk):
    from canvases.pdf import pdf_css, render_pdf

    canvas = access.get_canvas_for_user(request.user, pk, related=access.WITH_PLACE)
    context = _print_context(request, canvas)
    context["for_pdf"] = True
    context["pdf_css"] = pdf_css()
    html = render_to_string("canvases/canvas_print.html", context, request=request)
    version = context["version"]
    name = printing.pdf_file_name(
        group=canvas.group.name,
        title=context["source"].title,
        number=version.number if version else None,
        pk=canvas.pk,
    )
    audit.record(
        actor=request.user,
        action=audit.AuditAction.EXPORT,
        target=canvas,
        region_id=canvas.group.tambon.province.region_id,
        summary=name.unicode,
        details={"what": "canvas_pdf", "version": version.number if version else None},
    )
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = name.content_disposition()
    return response
