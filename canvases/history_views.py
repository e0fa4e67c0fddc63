"""Reading a canvas's past: its versions, a comparison of two, and each block's earlier texts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canvases import access, selectors, services
from canvases.blocks import BLOCKS_BY_KEY, PHONE_ORDER, block_progress
from canvases.diff import diff_texts, has_changes
from canvases.forms import SHOW_ALL, SHOW_CHANGED, CompareForm, new_save_id
from canvases.models import BLOCK_HISTORY_DAYS

BLOCK_HISTORY_PER_PAGE = 20


@login_required
def canvas_history(request, pk):
    canvas = access.get_canvas_for_user(request.user, pk, related=access.GROUP_ONLY)
    versions = list(selectors.canvas_versions(canvas))
    return render(
        request,
        "canvases/canvas_history.html",
        {"canvas": canvas, "group": canvas.group, "versions": versions},
    )


def _grid(source):
    return [
        {"block": b, "text": source.text(b.key), "progress": block_progress(source.text(b.key))}
        for b in PHONE_ORDER
    ]


@login_required
def version_detail(request, pk, number):
    version = access.get_version_for_user(request.user, pk, number, related=access.GROUP_ONLY)
    canvas = version.canvas
    return render(
        request,
        "canvases/version_detail.html",
        {"canvas": canvas, "group": canvas.group, "version": version, "cards": _grid(version)},
    )


def _differences(old, new, show: str) -> dict:
    """Two versions' blocks word by word: the changed ones, or all nine (`show`)."""
    rows = []
    for block in PHONE_ORDER:
        segments = diff_texts(old.text(block.key), new.text(block.key))
        rows.append({"block": block, "segments": segments, "changed": has_changes(segments)})
    changed = [row for row in rows if row["changed"]]
    show = show or (SHOW_CHANGED if changed else SHOW_ALL)
    return {
        "old": old,
        "new": new,
        "rows": changed if show == SHOW_CHANGED else rows,
        "show": show,
        "changed_count": len(changed),
        "unchanged": [row["block"] for row in rows if not row["changed"]],
    }


@login_required
def version_compare(request, pk):
    """Two versions side by side; without a valid pair, the form to choose them."""
    form = CompareForm(request.GET or None)
    if not form.is_valid():
        canvas = access.get_canvas_for_user(request.user, pk, related=access.GROUP_ONLY)
        context = {"canvas": canvas, "group": canvas.group, "form": form, "rows": None}
        status = 400 if form.is_bound else 200
        return render(request, "canvases/version_compare.html", context, status=status)
    a, b = form.cleaned_data["a"], form.cleaned_data["b"]
    # The two versions with their canvas in one query; 404 unless both exist and may be read.
    found = access.get_versions_for_user(request.user, pk, [a, b], related=access.GROUP_ONLY)
    canvas = found[b].canvas
    context = {
        "canvas": canvas,
        "group": canvas.group,
        "form": form,
        **_differences(found[a], found[b], form.cleaned_data["show"]),
    }
    return render(request, "canvases/version_compare.html", context)


def _block_or_404(key):
    if key not in BLOCKS_BY_KEY:
        raise Http404
    return BLOCKS_BY_KEY[key]


@login_required
def block_history(request, pk, key):
    """Every stored text of one block, newest first, with who saved it and when."""
    canvas = access.get_canvas_for_user(request.user, pk, related=access.GROUP_ONLY)
    block = _block_or_404(key)
    page = Paginator(selectors.block_history(canvas, key), BLOCK_HISTORY_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "canvases/block_history.html",
        {
            "canvas": canvas,
            "group": canvas.group,
            "canvas_block": block,
            "page": page,
            "current": canvas.text(key),
            "can_restore": access.can_edit_canvas(request.user, canvas) and canvas.is_editable,
            "history_days": BLOCK_HISTORY_DAYS,
        },
    )


@login_required
@require_POST
def block_restore(request, pk, key, change_pk):
    """Put an earlier text of a block back; the text it replaces stays in the history."""
    canvas = access.get_canvas_for_edit(request.user, pk)
    _block_or_404(key)
    change = get_object_or_404(canvas.block_changes, pk=change_pk, block_key=key)
    try:
        services.canvas_save_blocks(
            canvas=canvas,
            by=request.user,
            blocks={key: change.text},
            base_revision=canvas.revision,
            save_id=new_save_id(),
        )
    except services.CanvasRefused as refusal:
        messages.error(request, refusal.message)
        return redirect("canvases:block_history", pk=canvas.pk, key=key)
    messages.success(request, _("นำข้อความก่อนหน้ากลับมาใช้แล้ว ข้อความที่ถูกแทนยังอยู่ในประวัติ"))
    return redirect(canvas.get_absolute_url() + f"#block-{key}")
