"""Posts on the threads of other subjects than canvas blocks (see `canvases.subjects`).

The subject's own page (a group's plan, its results…) shows the threads with
`canvases/_subject_threads.html`; these views take its plain forms and send the
user back to the thread on that page. Bad input (400) or a post the rules
refuse (409) shows the new comment or the thread alone, the text kept and the
reason beside it. Groups the user cannot read are 404; readers who take no
part (members) 403.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canvases import access, reviews, selectors, subjects, thread_pages
from canvases.forms import ReplyForm, SubjectCommentForm
from canvases.services import CanvasRefused


def _again(request, context, message, status):
    if message:
        messages.error(request, message)
    return render(request, "canvases/subject_thread.html", context, status=status)


@login_required
@require_POST
def thread_open(request, kind, object_pk):
    """A reviewer opens a thread on one topic of the subject (leaders and members 403)."""
    kind = subjects.kind_or_404(kind)
    subject, group = access.get_subject_for_threads(
        request.user, kind, object_pk, request.POST.get("topic", "")
    )
    form = SubjectCommentForm(request.POST)
    message, status = "", 400
    if form.is_valid():
        try:
            comment = reviews.thread_open(
                kind=kind,
                subject=subject,
                topic=form.cleaned_data["topic"],
                body=form.cleaned_data["body"],
                by=request.user,
            )
        except CanvasRefused as refusal:
            message, status = refusal.message, 409
        else:
            messages.success(request, _("บันทึกความเห็นแล้ว"))
            return redirect(kind.thread_url(comment.thread))
    topic = form.data.get("topic", "")
    context = {
        "group": group,
        "subject_label": kind.label,
        "topic_label": kind.topic_label(topic) if topic in kind.topics(subject) else "",
        "form": form,
        "back": kind.page_url(group.pk, subject.pk, topic),
    }
    return _again(request, context, message, status)


def _thread_again(request, thread, form, message, status):
    shown = selectors.subject_thread(thread.pk)
    reviews.prepare_threads({"": [shown]}, request.user)
    shown.reply_form = form
    context = {
        "group": thread.group,
        "subject_label": shown.subject_kind.label,
        "topic_label": shown.topic_label,
        "thread": shown,
        "all_threads": [shown],
        "can_take_part": True,
        "back": shown.subject_kind.thread_url(shown),
    }
    return _again(request, context, message, status)


@login_required
@require_POST
def thread_reply(request, thread_pk):
    """The group's leaders and reviewers answer in the thread (members 403)."""
    thread = access.get_subject_thread_for_user(request.user, thread_pk)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        return _thread_again(request, thread, form, "", 400)
    try:
        reviews.comment_reply(thread=thread, body=form.cleaned_data["body"], by=request.user)
    except CanvasRefused as refusal:
        return _thread_again(request, thread, form, refusal.message, 409)
    messages.success(request, _("ส่งคำตอบแล้ว"))
    return redirect(thread.subject_kind.thread_url(thread))


def _set_state(request, thread_pk, *, resolved: bool):
    thread = access.get_subject_thread_for_user(request.user, thread_pk)
    change = reviews.thread_resolve if resolved else reviews.thread_reopen
    try:
        change(thread=thread, by=request.user)
    except CanvasRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request, _("ปิดเรื่องนี้แล้ว (แก้ไขเรียบร้อย)") if resolved else _("เปิดเรื่องนี้อีกครั้งแล้ว")
        )
    return redirect(thread.subject_kind.thread_url(thread))


@login_required
@require_POST
def thread_resolve(request, thread_pk):
    return _set_state(request, thread_pk, resolved=True)


@login_required
@require_POST
def thread_reopen(request, thread_pk):
    return _set_state(request, thread_pk, resolved=False)


@login_required
def comment_edit(request, comment_pk):
    """The author changes their comment until someone else replies (others 403)."""
    comment = access.get_subject_comment_for_edit(request.user, comment_pk)
    thread = comment.thread
    return thread_pages.comment_edit_page(
        request,
        comment,
        back=thread.subject_kind.thread_url(thread),
        context={"group": thread.group},
    )
