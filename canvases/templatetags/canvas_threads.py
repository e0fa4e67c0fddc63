"""A comment thread and the box for a new comment, written in Python (see
`cbmc_portal.rows`): the editor, the review page and the threads' own pages show them,
a thread costing about half a millisecond through templates."""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.template.defaulttags import CsrfTokenNode
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from cbmc_portal.rows import filled, joined
from cbmc_portal.templatetags.row_urls import row_url
from cbmc_portal.templatetags.thai_dates import be_datetime

register = template.Library()


def _thread_label(thread):
    if thread.is_on_block:
        return filled(gettext("ความเห็นในช่อง %(block)s"), block=thread.block.title)
    return filled(gettext("ความเห็นเรื่อง %(topic)s"), topic=thread.topic_label)


def _thread_head(thread):
    parts = []
    if getattr(thread, "from_number", None):
        parts.append(
            format_html(
                '<span class="badge thread-from">{}</span>',
                filled(gettext("จากฉบับที่ %(n)s"), n=thread.from_number),
            )
        )
    if thread.is_open:
        parts.append(
            format_html('<span class="badge thread-state-open">{}</span>', gettext("ยังไม่แก้"))
        )
    else:
        resolver = thread.resolved_by.name if thread.resolved_by_id else ""
        parts.append(
            format_html(
                '<span class="badge thread-state-resolved">{}</span> '
                '<span class="text-body-secondary">{}</span>',
                gettext("แก้แล้ว"),
                filled(
                    gettext("ปิดโดย %(name)s %(when)s"),
                    name=resolver,
                    when=be_datetime(thread.resolved_at, "short"),
                ),
            )
        )
    return format_html('<div class="thread-head small">{}</div>', joined(parts, " "))


def _comment(comment) -> str:
    author = (comment.author.name if comment.author_id else "") or gettext("ผู้ใช้ที่ถูกลบ")
    edited = format_html(" · {}", gettext("แก้ไขแล้ว")) if comment.edited_at else ""
    edit = (
        format_html(' <a class="ms-1" href="{}">{}</a>', comment.edit_url, gettext("แก้ไข"))
        if getattr(comment, "editable", False)
        else ""
    )
    return format_html(
        '<li class="comment" id="comment-{}"><div class="small"><strong>{}</strong> '
        '<span class="text-body-secondary">{}{}</span>{}</div>'
        '<div class="comment-body">{}</div></li>',
        comment.pk,
        author,
        be_datetime(comment.created_at, "short"),
        edited,
        edit,
        linebreaksbr(comment.body, autoescape=True),
    )


def _more_comments(thread, canvas) -> str:
    """Where a long thread's hidden middle is: a link to the whole thread."""
    total, hidden = thread.comment_total, thread.hidden_count
    return format_html(
        '<li class="comment-more small"><a class="d-inline-flex align-items-center tap-target" '
        'href="{}#comments">{}</a> <span class="text-body-secondary">{}</span></li>',
        row_url("canvases:thread", canvas.pk, thread.pk),
        filled(
            ngettext("ดูความเห็นทั้งหมด %(n)s รายการ", "ดูความเห็นทั้งหมด %(n)s รายการ", total), n=total
        ),
        filled(ngettext("(ซ่อนไว้ %(n)s รายการ)", "(ซ่อนไว้ %(n)s รายการ)", hidden), n=hidden),
    )


def _comments(thread, canvas):
    # The review pages pass `shown_comments` (the first and last ones, see
    # canvases.selectors.review_threads) with a link to the rest; the editor passes them all.
    comments = getattr(thread, "shown_comments", None) or thread.comments.all()
    hidden_after = getattr(thread, "hidden_after", None)
    items = []
    for counter, comment in enumerate(comments, start=1):
        items.append(_comment(comment))
        if counter == hidden_after:
            items.append(_more_comments(thread, canvas))
    return format_html('<ol class="list-unstyled comments mb-1">{}</ol>', joined(items))


def _reply_box(thread):
    """The reply box and the buttons of someone who takes part in the thread."""
    form_id = f"thread-{thread.pk}-form"
    reply_form = getattr(thread, "reply_form", None)
    typed = (reply_form["body"].value() or "") if reply_form else ""
    if thread.is_open:
        errors = ""
        if reply_form and reply_form.errors:
            errors = format_html(
                '<div class="invalid-feedback d-block">{}</div>',
                joined((format_html("{} ", e) for e in reply_form["body"].errors), ""),
            )
        return format_html(
            '<label class="visually-hidden" for="reply-body-{pk}">{label}</label>'
            '<textarea name="body" id="reply-body-{pk}" form="{form}" rows="2" '
            'class="form-control form-control-sm{invalid}" placeholder="{placeholder}">{typed}'
            "</textarea>{errors}"
            '<div class="d-flex flex-wrap gap-2 mt-1">'
            '<button type="submit" form="{form}" class="btn btn-sm btn-success tap-target">'
            "{send}</button> "
            '<button type="submit" form="{form}" formaction="{resolve_url}" '
            'class="btn btn-sm btn-outline-dark tap-target">{resolve}</button></div>',
            pk=thread.pk,
            form=form_id,
            label=gettext("ตอบ"),
            invalid=" is-invalid" if reply_form and reply_form.errors else "",
            placeholder=gettext("เขียนตอบ…"),
            typed=typed,
            errors=errors,
            send=gettext("ส่งคำตอบ"),
            resolve_url=thread.resolve_url,
            resolve=gettext("แก้แล้ว ปิดเรื่องนี้"),
        )
    kept = ""
    if reply_form:
        kept = format_html(
            '<label class="small" for="reply-body-{}">{}</label>'
            '<textarea id="reply-body-{}" rows="2" class="form-control form-control-sm" '
            "readonly>{}</textarea>",
            thread.pk,
            gettext("ข้อความที่ท่านพิมพ์ไว้ (ยังไม่ได้ส่ง)"),
            thread.pk,
            typed,
        )
    return format_html(
        '{}<button type="submit" form="{}" formaction="{}" '
        'class="btn btn-sm btn-outline-dark tap-target">{}</button>',
        kept,
        form_id,
        thread.reopen_url,
        gettext("เปิดเรื่องนี้อีกครั้ง"),
    )


@register.simple_tag(takes_context=True)
def thread_article(context, thread):
    """A comment thread: its state, its comments, and for those who take part
    (`can_take_part`) the reply box and the resolve or reopen button."""
    state = "thread-open" if thread.is_open else "thread-resolved"
    return format_html(
        '<article class="thread {}" id="thread-{}" aria-label="{}">{}{}{}</article>',
        state,
        thread.pk,
        _thread_label(thread),
        _thread_head(thread),
        _comments(thread, context.get("canvas")),
        _reply_box(thread) if context.get("can_take_part") else "",
    )


@register.simple_tag(takes_context=True)
def comment_new(context, form, action, summary, anchor=""):
    """A closed box that opens to write a new comment (open again, with what was typed,
    when the comment came back refused). The fields written out, not through widget and
    crispy templates: nine of these made a fifth of the review page's time."""
    hidden = joined(
        (
            format_html(
                '<input type="hidden" name="{}" value="{}"{}>',
                field.html_name,
                "" if field.value() is None else field.value(),
                format_html(' id="{}"', field.auto_id) if field.auto_id else "",
            )
            for field in form.hidden_fields()
        ),
        "",
    )
    body = form["body"]
    errors = body.errors
    error_list = ""
    if errors:
        error_list = format_html(
            '<p id="{}_error" class="invalid-feedback d-block">{}</p>',
            body.id_for_label,
            joined((format_html("<strong>{}</strong> ", e) for e in errors), ""),
        )
    return format_html(
        '<details class="comment-new mt-2"{open}>'
        '<summary class="btn btn-sm btn-outline-success tap-target">{summary}</summary>'
        '<form method="post" action="{action}{anchor}" class="mt-2" novalidate>{csrf}{hidden}'
        '<div class="mb-3"><label for="{id}" class="form-label requiredField">{label}'
        '<span class="asteriskField">*</span></label>'
        '<textarea name="{name}" cols="40" rows="3" class="textarea form-control{invalid}" '
        'required id="{id}"{described}>{typed}</textarea>{errors}</div>'
        '<button type="submit" class="btn btn-sm btn-success tap-target">{send}</button>'
        "</form></details>",
        open=mark_safe(" open") if form.is_bound else "",
        summary=summary,
        action=action,
        anchor=f"#{anchor}" if anchor else "",
        csrf=CsrfTokenNode().render(context),
        hidden=hidden,
        id=body.id_for_label,
        label=body.label,
        name=body.html_name,
        invalid=" is-invalid" if errors else "",
        described=format_html(' aria-invalid="true" aria-describedby="{}_error"', body.id_for_label)
        if errors
        else "",
        typed=body.value() or "",
        errors=error_list,
        send=gettext("ส่งความเห็น"),
    )
