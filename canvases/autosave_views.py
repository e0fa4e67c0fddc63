"""The editor script's save: JSON in, JSON out, one honest status code per outcome.

saved / already saved 200, conflict 409, invalid 400, refused 409, signed out
401, too large 413 (`canvases.middleware`), unavailable 503 (the outage
middleware). Messages come in the user's language.
"""

import json

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canvases import access, services
from canvases.editor import clock, conflict_context, conflict_rows, merged_notes
from canvases.forms import BlocksForm, ConflictChoiceForm

# Texts go back as typed; <, > and & are written as \u escapes, as json_script does,
# so the answer can never be read as markup, whatever reads it.
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _answer(state: str, status: int = 200, **payload) -> HttpResponse:
    body = json.dumps({"state": state, **payload}, ensure_ascii=False)
    return HttpResponse(
        body.translate(_JSON_ESCAPES), status=status, content_type="application/json"
    )


def _merged(result) -> list[dict]:
    notes = merged_notes(result.merged)
    return [
        {"key": news.key, "text": news.text, "note": note}
        for news, note in zip(result.merged, notes, strict=True)
    ]


def _locked_canvas_for_edit(request, pk):
    try:
        return access.lock_canvas_for_edit(request.user, pk), None
    except Http404:
        return None, _answer("not_found", 404, message=_("ไม่พบแผนนี้"))
    except PermissionDenied:
        return None, _answer("forbidden", 403, message=_("ท่านไม่มีสิทธิ์แก้ไขแผนนี้"))


@require_POST
def canvas_autosave(request, pk):
    """Store what a tab typed: the texts of the blocks it changed, merged by block."""
    if not request.user.is_authenticated:
        return _answer("signed_out", 401, message=_("หมดเวลาเข้าระบบ กรุณาเข้าสู่ระบบอีกครั้ง"))
    # One transaction from the read of the canvas, locked, to the last write: the canvas
    # is read once, where checking and locking it apart took two more round trips.
    with transaction.atomic():
        canvas, refusal = _locked_canvas_for_edit(request, pk)
        if refusal:
            return refusal
        resolving = "resolve" in request.POST
        form = (ConflictChoiceForm if resolving else BlocksForm)(request.POST)
        if not form.is_valid():
            errors = {key: [str(e) for e in errs] for key, errs in form.errors.items()}
            message = _("ยังไม่ได้บันทึก กรุณาแก้ไขช่องที่มีข้อความสีแดง")
            return _answer("invalid", 400, errors=errors, message=message)
        try:
            result = services.canvas_save_blocks_locked(
                canvas=canvas, by=request.user, **form.save_arguments()
            )
        except services.CanvasRefused as refusal:
            return _answer("refused", 409, message=refusal.message)
    common = {"revision": result.revision, "merged": _merged(result)}
    if result.is_conflict:
        context = conflict_context(canvas, conflict_rows(result.conflicts), result.revision)
        html = render_to_string("canvases/_conflict.html", context, request=request)
        conflicts = [{"key": c.key, "theirs": c.theirs.text} for c in result.conflicts]
        return _answer("conflict", 409, conflicts=conflicts, html=html, **common)
    return _answer(
        result.outcome.value,
        clock=clock(canvas.updated_at),
        filled=canvas.filled_blocks,
        blocks={key: canvas.text(key) for key in form.blocks()},
        **common,
    )
