"""Pages of the review: the review page of a version, comments, the decision, the queue.

Plain forms and redirects back to the block or thread, so every step works
without JavaScript. A post with bad input shows the review page again with
the text kept and the reason beside it (400); a post the rules refuse shows
the reason (409). Nothing is changed in either case.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from canvases import access, reviews, selectors, services, thread_pages
from canvases.blocks import BLOCKS_BY_KEY, PHONE_ORDER, block_progress
from canvases.forms import BackMixin, CommentForm, ReplyForm, ReviewForm
from canvases.models import CanvasStatus, version_review_url
from canvases.services import CanvasRefused
from cbmc_portal.text import plain_number
from communities.access import is_group_leader

QUEUE_PER_PAGE = 50


def _focus(request) -> int | None:
    """The thread a link asks to see (`?thread=N`, as notifications and redirects send)."""
    return plain_number(request.GET.get("thread", ""), max_digits=11)


def _review_context(
    request, canvas, version, *, comment_form=None, reply=None, review_form=None, focus=None
):
    """Everything the review page shows; `comment_form` / `reply` = (thread_pk, form) /
    `review_form` put a bound form with its errors back where it was typed.

    Bounded whatever the number of comments: per block its first open threads with
    their first and last comments, the rest behind links (`selectors.review_threads`)."""
    user = request.user
    if reply is not None:
        focus = reply[0].pk
    threads = selectors.review_threads(version, user, focus=focus)
    counts, earlier = selectors.review_thread_tallies(version)
    if reply is not None:
        for thread in threads.get(reply[0].block_key, []):
            if thread.pk == reply[0].pk:
                thread.reply_form = reply[1]
    can_review = access.can_review_canvas(user, canvas)
    is_latest = version.number == canvas.version_count
    cards = []
    for block in PHONE_ORDER:
        form = None
        if can_review and is_latest:
            if comment_form is not None and comment_form.data.get("block") == block.key:
                form = comment_form
            else:
                form = CommentForm(
                    initial={"version": version.pk, "block": block.key},
                    auto_id=f"id_{block.key}_%s",
                )
        text = version.text(block.key)
        block_threads = threads[block.key]
        shown_open = sum(1 for t in block_threads if t.is_open)
        cards.append(
            {
                "block": block,
                "text": text,
                "progress": block_progress(text),
                "threads": block_threads,
                "open_count": counts[block.key]["open"],
                "more_open": max(0, counts[block.key]["open"] - shown_open),
                "resolved_count": counts[block.key]["resolved"],
                "resolved_shown": any(not t.is_open for t in block_threads),
                "earlier": earlier[block.key],
                "comment_form": form,
            }
        )
    can_decide = can_review and is_latest and canvas.status == CanvasStatus.SUBMITTED
    return {
        "canvas": canvas,
        "group": canvas.group,
        "version": version,
        "cards": cards,
        "all_threads": [t for block_threads in threads.values() for t in block_threads],
        "is_latest": is_latest,
        "previous_number": version.number - 1 if version.number > 1 else None,
        "can_review": can_review,
        "can_take_part": can_review or is_group_leader(user, canvas.group),
        "can_decide": can_decide,
        "review_form": (review_form or ReviewForm(initial={"version": version.number}))
        if can_decide
        else None,
        "back": version.number,
        "timeline": selectors.canvas_timeline(canvas),
    }


@login_required
def version_review(request, pk, number):
    """A version's nine blocks with their threads, the comment forms and the decision."""
    version = access.get_version_for_user(request.user, pk, number)
    canvas = version.canvas
    response = render(
        request,
        "canvases/version_review.html",
        _review_context(request, canvas, version, focus=_focus(request)),
    )
    reviewer = request.user.is_mentor or request.user.is_codi_staff
    if reviewer and version.awaits_first_opening():
        # Shown to a reviewer: from now on the leaders can no longer withdraw it.
        services.version_record_opening(canvas_id=canvas.pk, number=number, by=request.user)
    return response


@login_required
@require_GET
def review_block_threads(request, pk, number, key):
    """One block's open or resolved threads of a version's review page, a page at a time:
    what the review page keeps behind a count. A whole page without JavaScript, the
    list alone when htmx asks for it."""
    version = access.get_version_for_user(request.user, pk, number)
    canvas = version.canvas
    block = BLOCKS_BY_KEY.get(key)
    state = request.GET.get("state", "open")
    if block is None or state not in selectors.THREAD_STATES:
        raise Http404
    page = Paginator(
        selectors.review_block_threads(version, key, state), selectors.BLOCK_THREADS_PER_PAGE
    ).get_page(request.GET.get("page"))
    threads = selectors.mark_review_threads(page.object_list, version, request.user)
    context = {
        "canvas": canvas,
        "group": canvas.group,
        "version": version,
        "thread_block": block,
        "state": state,
        "page": page,
        "threads": threads,
        "all_threads": threads,
        "can_take_part": access.can_review_canvas(request.user, canvas)
        or is_group_leader(request.user, canvas.group),
        "back": version.number,
    }
    template = "canvases/_block_threads.html" if request.htmx else "canvases/block_threads.html"
    return render(request, template, context)


@login_required
@require_GET
def thread_detail(request, pk, thread_pk):
    """One thread with every comment, a page at a time: where "see all comments" leads,
    and where a notification's thread can always be found."""
    canvas = access.get_canvas_for_user(request.user, pk)
    thread = selectors.thread_of_canvas_or_404(canvas, thread_pk)
    page = Paginator(
        selectors.thread_comments(thread), selectors.THREAD_COMMENTS_PER_PAGE
    ).get_page(request.GET.get("page"))
    last_other = selectors.thread_last_other(thread, request.user)
    comments = list(page.object_list)
    for comment in comments:
        comment.thread = thread
        comment.editable = (
            thread.is_open
            and comment.author_id == request.user.pk
            and (last_other is None or last_other < comment.pk)
        )
    thread.shown_comments = comments
    thread.from_number = None
    is_latest = thread.version.number == canvas.version_count
    return render(
        request,
        "canvases/thread_detail.html",
        {
            "canvas": canvas,
            "group": canvas.group,
            "version": thread.version,
            "thread": thread,
            "all_threads": [thread],
            "page": page,
            "is_latest": is_latest,
            "can_take_part": access.can_review_canvas(request.user, canvas)
            or is_group_leader(request.user, canvas.group),
            "back": thread.version.number,
        },
    )


def _thread_on_review(canvas_pk, number, thread_pk) -> str:
    """The review page of a version opened on one thread: `?thread=` has it shown even
    where the page would keep it behind a count (resolved, or past the first few)."""
    return version_review_url(canvas_pk, number, f"?thread={thread_pk}#thread-{thread_pk}")


def _back_url(canvas, thread, back, anchor):
    """The editor, or the review page of version `back` when it exists (else the thread's)."""
    if not back:
        return canvas.get_absolute_url() + anchor
    number = back if back <= canvas.version_count else thread.version.number
    if anchor == f"#thread-{thread.pk}":
        return _thread_on_review(canvas.pk, number, thread.pk)
    return version_review_url(canvas.pk, number, anchor)


def _first_error(form) -> str:
    return next(iter(form.errors.values()))[0]


@login_required
@require_POST
def comment_create(request, pk):
    """Open a thread on one block of a version: reviewers only (leaders and members 403)."""
    canvas = access.get_canvas_for_review(request.user, pk)
    form = CommentForm(request.POST)
    valid = form.is_valid()
    version = selectors.version_by_id(canvas, form.cleaned_data.get("version"))
    if version is None:
        messages.error(request, _("ไม่พบฉบับนี้ในแผนนี้ ความเห็นยังไม่ได้บันทึก"))
        return redirect("canvases:detail", pk=canvas.pk)
    if not valid:
        if "block" in form.errors:
            messages.error(request, _first_error(form))
        context = _review_context(request, canvas, version, comment_form=form)
        return render(request, "canvases/version_review.html", context, status=400)
    try:
        comment = reviews.comment_create(
            version=version,
            block_key=form.cleaned_data["block"],
            body=form.cleaned_data["body"],
            by=request.user,
        )
    except CanvasRefused as refusal:
        messages.error(request, refusal.message)
        context = _review_context(request, canvas, version, comment_form=form)
        return render(request, "canvases/version_review.html", context, status=409)
    messages.success(request, _("บันทึกความเห็นแล้ว"))
    return redirect(_thread_on_review(canvas.pk, version.number, comment.thread_id))


def _refused_on_thread(request, thread, message, form, status):
    """The review page of the thread's own version, with the reason and the typed text."""
    if message:
        messages.error(request, message)
    version = selectors.canvas_version_or_404(thread.canvas, thread.version.number)
    context = _review_context(request, thread.canvas, version, reply=(thread, form))
    return render(request, "canvases/version_review.html", context, status=status)


@login_required
@require_POST
def thread_reply(request, pk, thread_pk):
    """Answer in a thread: leaders and reviewers (members 403)."""
    thread = access.get_thread_for_user(request.user, pk, thread_pk)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        return _refused_on_thread(request, thread, "", form, 400)
    try:
        reviews.comment_reply(thread=thread, body=form.cleaned_data["body"], by=request.user)
    except CanvasRefused as refusal:
        return _refused_on_thread(request, thread, refusal.message, form, 409)
    messages.success(request, _("ส่งคำตอบแล้ว"))
    back = form.cleaned_data["back"]
    return redirect(_back_url(thread.canvas, thread, back, f"#thread-{thread.pk}"))


def _set_thread_state(request, pk, thread_pk, change, done_message):
    thread = access.get_thread_for_user(request.user, pk, thread_pk)
    form = BackMixin(request.POST)
    back = form.cleaned_data["back"] if form.is_valid() else None
    try:
        change(thread=thread, by=request.user)
    except CanvasRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, done_message)
    if back:  # the review page, opened on the thread: resolved, it would be folded away
        return redirect(_back_url(thread.canvas, thread, back, f"#thread-{thread.pk}"))
    return redirect(_back_url(thread.canvas, thread, back, f"#block-{thread.block_key}"))


@login_required
@require_POST
def thread_resolve(request, pk, thread_pk):
    return _set_thread_state(
        request, pk, thread_pk, reviews.thread_resolve, _("ปิดเรื่องนี้แล้ว (แก้ไขเรียบร้อย)")
    )


@login_required
@require_POST
def thread_reopen(request, pk, thread_pk):
    return _set_thread_state(request, pk, thread_pk, reviews.thread_reopen, _("เปิดเรื่องนี้อีกครั้งแล้ว"))


@login_required
def comment_edit(request, pk, comment_pk):
    """The author changes their comment until someone else replies (others 403)."""
    comment = access.get_comment_for_edit(request.user, pk, comment_pk)
    canvas, thread = comment.thread.canvas, comment.thread
    return thread_pages.comment_edit_page(
        request,
        comment,
        back=_thread_on_review(canvas.pk, thread.version.number, thread.pk),
        context={"canvas": canvas, "group": canvas.group},
    )


@login_required
@require_POST
def canvas_review(request, pk):
    """The decision on the latest submitted version: approve, or ask for changes."""
    canvas = access.get_canvas_for_review(request.user, pk)
    form = ReviewForm(request.POST)
    latest = canvas.version_count
    if not form.is_valid():
        waiting = canvas.status == CanvasStatus.SUBMITTED and latest
        if "version" not in form.errors and form.cleaned_data["version"] == latest and waiting:
            return _decision_again(request, canvas, form)
        messages.error(request, form.errors.get("version", [_first_error(form)])[0])
        return redirect(
            version_review_url(canvas.pk, latest) if latest else canvas.get_absolute_url()
        )
    number = form.cleaned_data["version"]
    version = selectors.canvas_version(canvas, number)
    if version is None:
        messages.error(request, _("ไม่พบฉบับที่ %(number)s ของแผนนี้") % {"number": number})
        return redirect(
            version_review_url(canvas.pk, latest) if latest else canvas.get_absolute_url()
        )
    try:
        reviews.review_decide(
            version=version,
            by=request.user,
            decision=form.cleaned_data["decision"],
            summary=form.cleaned_data["summary"],
        )
    except CanvasRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("บันทึกผลการพิจารณาแล้ว แจ้งแกนนำกลุ่มแล้ว"))
    return redirect(version_review_url(canvas.pk, version.number, "#decision"))


def _decision_again(request, canvas, form):
    """The review page again with the decision form as it was sent: the choice and the
    text kept, each error beside its field and listed, linked to it, at the top of the form.
    The form posts to `…#decision`, so the page opens on it (no `autofocus`: browsers
    ignore it when the address names an anchor)."""
    version = selectors.canvas_version_or_404(canvas, canvas.version_count)
    context = _review_context(request, canvas, version, review_form=form)
    return render(request, "canvases/version_review.html", context, status=400)


@login_required
def review_queue(request):
    """Versions waiting for a decision, oldest first: a mentor's groups, staff's region."""
    user = request.user
    if not (user.is_mentor or user.is_codi_staff):
        raise Http404
    page = Paginator(selectors.review_queue(user), QUEUE_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "canvases/review_queue.html",
        {"page": page, "queue": selectors.with_days_waiting(page.object_list)},
    )
