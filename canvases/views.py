"""Views of the canvases app: parse the request, call one service or selector, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canvases import access, selectors, services
from canvases.blocks import BLOCKS, MIN_FILLED_CHARS, PHONE_ORDER, PROGRESS_LABELS, block_progress
from canvases.diff import diff_texts, has_changes
from canvases.forms import (
    BlocksForm,
    CanvasTitleForm,
    CompareForm,
    new_save_id,
    resolution_data,
)
from canvases.review_views import prepare_threads
from communities.access import is_group_leader


def _wants_json(request) -> bool:
    return request.headers.get("X-Autosave") == "1"


def _clock(value) -> str:
    return timezone.localtime(value).strftime("%H:%M")


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
        return redirect("canvases:detail", pk=canvas.pk)
    return render(request, "canvases/canvas_create.html", {"group": group, "form": form})


def _editor_context(request, canvas, form=None, conflict=None):
    can_edit = access.can_edit_canvas(request.user, canvas)
    editing = can_edit and canvas.is_editable
    if editing and form is None:
        form = BlocksForm(
            initial={"base_revision": canvas.revision, "save_id": new_save_id(), **canvas.blocks}
        )
    # Open threads of every version, beside their block: what is left to fix, and where.
    threads = selectors.open_threads_of_canvas(canvas)
    prepare_threads(threads, request.user)
    cards = []
    for block in PHONE_ORDER:
        text = form[block.key].value() if editing else canvas.text(block.key)
        progress = block_progress(text or "")
        cards.append(
            {
                "block": block,
                "field": form[block.key] if editing else None,
                "text": text,
                "progress": progress,
                "progress_label": PROGRESS_LABELS[progress],
                "threads": threads[block.key],
            }
        )
    can_review = access.can_review_canvas(request.user, canvas)
    return {
        "canvas": canvas,
        "group": canvas.group,
        "form": form,
        "cards": cards,
        "editing": editing,
        "can_edit": can_edit,
        "can_review": can_review,
        "can_take_part": can_review or can_edit,
        "all_threads": [t for block_threads in threads.values() for t in block_threads],
        "timeline": selectors.canvas_timeline(canvas),
        "conflict": conflict,
        "block_total": len(BLOCKS),
        "min_filled": MIN_FILLED_CHARS,
        "saved_clock": _clock(canvas.updated_at),
    }


@login_required
def canvas_detail(request, pk):
    """The canvas page: the editor for its leaders while it is a draft, else a read view."""
    canvas = access.get_canvas_for_user(request.user, pk)
    return render(request, "canvases/canvas_detail.html", _editor_context(request, canvas))


def _conflict_context(canvas, form, result):
    mine = form.blocks()
    rows = []
    for block in BLOCKS:
        theirs = result.theirs.get(block.key, "")
        own = mine.get(block.key, theirs)
        rows.append({"block": block, "mine": own, "theirs": theirs, "differs": own != theirs})
    return {
        "canvas": canvas,
        "rows": rows,
        "revision": result.revision,
        "save_id": new_save_id(),
        "updated_by": result.updated_by,
        "updated_at": result.updated_at,
    }


def canvas_save(request, pk):
    """Store the texts: the plain form post, the autosave and the conflict choice alike."""
    if request.method != "POST":
        return HttpResponse(status=405)
    if not request.user.is_authenticated:
        if _wants_json(request):
            return JsonResponse({"state": "signed_out"}, status=401)
        return redirect(f"{reverse('accounts:login')}?next={reverse('canvases:detail', args=[pk])}")
    canvas = access.get_canvas_for_edit(request.user, pk)
    resolving = "resolve" in request.POST
    data = resolution_data(request.POST) if resolving else request.POST
    form = BlocksForm(data)
    if not form.is_valid():
        if _wants_json(request):
            errors = {key: [str(e) for e in errs] for key, errs in form.errors.items()}
            return JsonResponse({"state": "invalid", "errors": errors}, status=400)
        messages.error(request, _("ยังไม่ได้บันทึก กรุณาแก้ไขช่องที่มีข้อความสีแดง"))
        return render(
            request,
            "canvases/canvas_detail.html",
            _editor_context(request, canvas, form),
            status=400,
        )
    try:
        result = services.canvas_save_blocks(
            canvas=canvas,
            by=request.user,
            blocks=form.blocks(),
            base_revision=form.cleaned_data["base_revision"],
            save_id=form.cleaned_data["save_id"],
        )
    except services.CanvasRefused as refusal:
        if _wants_json(request):
            return JsonResponse({"state": "refused", "message": refusal.message}, status=409)
        messages.error(request, refusal.message)
        return render(
            request,
            "canvases/canvas_detail.html",
            _editor_context(request, canvas, form),
            status=409,
        )
    if result.is_conflict:
        conflict = _conflict_context(canvas, form, result)
        if _wants_json(request):
            html = render_to_string("canvases/_conflict.html", conflict, request=request)
            return JsonResponse({"state": "conflict", "revision": result.revision, "html": html})
        return render(
            request,
            "canvases/canvas_detail.html",
            _editor_context(request, canvas, form, conflict=conflict),
            status=409,
        )
    if _wants_json(request):
        payload = {
            "state": result.outcome.value,
            "revision": result.revision,
            "clock": _clock(canvas.updated_at),
            "filled": canvas.filled_blocks,
        }
        if resolving:
            payload["blocks"] = canvas.blocks
        return JsonResponse(payload)
    if "then_submit" in request.POST:
        return _submit(request, canvas)
    messages.success(request, _("บันทึกแล้ว %(clock)s น.") % {"clock": _clock(canvas.updated_at)})
    return redirect("canvases:detail", pk=canvas.pk)


def _submit(request, canvas):
    try:
        version = services.canvas_submit(canvas=canvas, by=request.user)
    except services.CanvasRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request, _("ส่งแผนฉบับที่ %(number)s ให้พิจารณาแล้ว") % {"number": version.number}
        )
    return redirect("canvases:detail", pk=canvas.pk)


@login_required
@require_POST
def canvas_submit(request, pk):
    return _submit(request, access.get_canvas_for_edit(request.user, pk))


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
    return redirect("canvases:detail", pk=canvas.pk)


@login_required
def canvas_history(request, pk):
    canvas = access.get_canvas_for_user(request.user, pk)
    versions = list(selectors.canvas_versions(canvas))
    return render(
        request,
        "canvases/canvas_history.html",
        {"canvas": canvas, "group": canvas.group, "versions": versions},
    )


def _version_or_404(canvas, number):
    version = selectors.canvas_version(canvas, number)
    if version is None:
        raise Http404
    return version


def _grid(source):
    return [
        {"block": b, "text": source.text(b.key), "progress": block_progress(source.text(b.key))}
        for b in PHONE_ORDER
    ]


@login_required
def version_detail(request, pk, number):
    canvas = access.get_canvas_for_user(request.user, pk)
    version = _version_or_404(canvas, number)
    return render(
        request,
        "canvases/version_detail.html",
        {"canvas": canvas, "group": canvas.group, "version": version, "cards": _grid(version)},
    )


@login_required
def version_compare(request, pk):
    canvas = access.get_canvas_for_user(request.user, pk)
    form = CompareForm(request.GET or None)
    context = {"canvas": canvas, "group": canvas.group, "form": form, "rows": None}
    if form.is_valid():
        a, b = form.cleaned_data["a"], form.cleaned_data["b"]
        found = selectors.versions_pair(canvas, a, b)
        if a not in found or b not in found:
            raise Http404
        old, new = found[a], found[b]
        rows = []
        for block in PHONE_ORDER:
            segments = diff_texts(old.text(block.key), new.text(block.key))
            rows.append({"block": block, "segments": segments, "changed": has_changes(segments)})
        context.update({"old": old, "new": new, "rows": rows})
    elif form.is_bound:
        context["status"] = 400
    return render(
        request, "canvases/version_compare.html", context, status=context.pop("status", 200)
    )


def _print_source(request, canvas):
    """The version named by ?version=, or the current texts."""
    number = request.GET.get("version", "")
    if not number:
        return None, canvas
    if not number.isdigit() or len(number) > 9:
        raise Http404
    version = _version_or_404(canvas, int(number))
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
        "canvas_url": url,
        "qr": qr_svg_data_uri(url),
        "printed_on": version.submitted_at if version else timezone.now(),
    }


@login_required
def canvas_print(request, pk):
    canvas = access.get_canvas_for_user(request.user, pk)
    return render(request, "canvases/canvas_print.html", _print_context(request, canvas))


@login_required
def canvas_pdf(request, pk):
    from canvases.pdf import font_face_css, render_pdf

    canvas = access.get_canvas_for_user(request.user, pk)
    context = _print_context(request, canvas)
    context["for_pdf"] = True
    context["pdf_font_css"] = font_face_css()
    html = render_to_string("canvases/canvas_print.html", context, request=request)
    version = context["version"]
    name = f"canvas-{canvas.pk}" + (f"-v{version.number}" if version else "") + ".pdf"
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response
