"""Canvas pages' repeated parts written in Python (see `cbmc_portal.rows`): the review
queue's rows, a canvas's timeline, a comment thread, a comparison's marked text and a
block's card."""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from cbmc_portal.rows import filled, joined
from cbmc_portal.templatetags.row_urls import row_url
from cbmc_portal.templatetags.thai_dates import be_date, be_datetime

register = template.Library()

# A version waiting this many days or more is shown in red.
LATE_DAYS = 7


def _waiting(days: int):
    if not days:
        return gettext("ส่งมาวันนี้")
    return format_html(
        '<strong class="{}">{}</strong>',
        "text-danger" if days >= LATE_DAYS else "",
        filled(ngettext("รอมาแล้ว %(n)s วัน", "รอมาแล้ว %(n)s วัน", days), n=days),
    )


def _queue_row(version) -> str:
    canvas = version.canvas
    return format_html(
        '<li class="list-group-item queue-row">'
        '<a class="fw-bold" href="{}">{} — {}</a>'
        '<div class="small">{} · {}</div>'
        '<div class="small">{} · {}</div></li>',
        row_url("canvases:version_review", version.canvas_id, version.number),
        canvas.title,
        filled(gettext("ฉบับที่ %(n)s"), n=version.number),
        canvas.group.name,
        canvas.group.tambon.place_label,
        filled(gettext("ส่งเมื่อ %(day)s"), day=be_date(version.submitted_at, "short")),
        _waiting(version.days_waiting),
    )


@register.simple_tag
def queue_rows(versions):
    """One `<li>` per waiting version (with `days_waiting`), or the empty queue's line."""
    if not versions:
        return format_html('<li class="list-group-item">{}</li>', gettext("ไม่มีแผนที่รอพิจารณา"))
    return joined(_queue_row(version) for version in versions)


# A canvas's timeline --------------------------------------------------------------


def _event_row(event, canvas) -> str:
    version = ""
    if event.version_id:
        number = event.version.number
        version = format_html(
            ' <a href="{}">{}</a>',
            row_url("canvases:version", canvas.pk, number),
            filled(gettext("ฉบับที่ %(n)s"), n=number),
        )
    note = format_html('<div class="text-prewrap small">{}</div>', event.note) if event.note else ""
    return format_html(
        '<li class="border-start border-3 ps-2 mb-2 ev-{}"><strong>{}</strong>{}'
        '<div class="small text-body-secondary">{} · {}</div>{}</li>',
        event.kind,
        event.get_kind_display(),
        version,
        event.actor.name if event.actor_id else "",
        be_datetime(event.at, "short"),
        note,
    )


@register.simple_tag
def timeline_rows(timeline, canvas):
    """One `<li>` per change of state (`selectors.canvas_timeline`), newest first."""
    if not timeline:
        return format_html("<li>{}</li>", gettext("ยังไม่มีความเคลื่อนไหว"))
    return joined(_event_row(event, canvas) for event in timeline)


# A comment thread -----------------------------------------------------------------


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


# A comparison of two versions ------------------------------------------------------

_DIFF_TAGS = {
    "insert": '<ins class="diff-ins">{}</ins>',
    "delete": '<del class="diff-del">{}</del>',
}


@register.simple_tag
def diff_segments(segments):
    """A block's text as `canvases.diff` marked it: what was added in `<ins>`, what was
    cut in `<del>`, the rest as it was; a word-by-word comparison has hundreds."""
    return joined((format_html(_DIFF_TAGS.get(s.kind, "{}"), s.text) for s in segments), "")


# A block's card in the editor and on a version's page --------------------------------


def _block_field(card) -> str:
    """The block's textarea as crispy's Bootstrap 5 field renders it; the questions above
    it describe it."""
    field, key = card["field"], card["block"].key
    errors = field.errors
    error_list = ""
    if errors:
        error_list = format_html(
            '<div id="{}_error" class="invalid-feedback">{}</div>',
            field.auto_id,
            joined(
                (
                    format_html('<p id="error_{}_{}"><strong>{}</strong></p>', n, field.auto_id, e)
                    for n, e in enumerate(errors, start=1)
                ),
                "",
            ),
        )
    text = card["text"]
    return format_html(
        '<div id="div_id_{name}" class="mb-3">'
        '<label for="{id}" class="form-label">{label}</label>'
        '<textarea name="{name}" cols="40" rows="{rows}" class="textarea form-control{invalid}" '
        'id="{id}" aria-describedby="q-{key}{described}"{aria_invalid}>\n{text}</textarea>'
        "{errors}</div>",
        name=field.html_name,
        id=field.auto_id,
        label=field.label,
        rows=card["rows"],
        invalid=" is-invalid" if errors else "",
        key=key,
        described=f" {field.auto_id}_error" if errors else "",
        aria_invalid=mark_safe(' aria-invalid="true"') if errors else "",
        text="" if text is None else text,
        errors=error_list,
    )


def _block_writing(card, context) -> str:
    """What a leader writes in: the block's questions, its box and, beside key resources,
    the tambon's community capital."""
    block = card["block"]
    questions = joined((format_html("<li>{}</li>", q) for q in block.questions), "")
    capital = ""
    if card.get("capital"):
        capital = render_to_string(
            "canvases/_capital_prompts.html",
            {"capital": card["capital"], "tambon": context["group"].tambon},
        )
    return format_html(
        '<ul class="block-questions small text-body-secondary mb-1" id="q-{}">{}</ul>{}{}',
        block.key,
        questions,
        _block_field(card),
        capital,
    )


@register.simple_tag(takes_context=True)
def block_card(context, card):
    """One block of the canvas: its title and progress, the box to write in (or the text),
    the link to its earlier texts and its open threads (`canvases.editor.editor_context`)."""
    block, canvas = card["block"], context["canvas"]
    if card.get("field"):
        body = _block_writing(card, context)
    else:
        body = format_html('<div class="text-prewrap block-text">{}</div>', card["text"] or "")
    threads = ""
    if card.get("threads"):
        threads = format_html(
            '<div class="block-threads" aria-label="{}">{}</div>',
            gettext("ความเห็นที่ยังไม่แก้ในช่องนี้"),
            joined(thread_article(context, thread) for thread in card["threads"]),
        )
    return format_html(
        '<section class="card canvas-block b-{key}" id="block-{key}" data-block="{key}" '
        'aria-labelledby="title-{key}"><div class="card-body p-2">'
        '<div class="d-flex justify-content-between align-items-start gap-1">'
        '<h2 class="h6 mb-1 block-title" id="title-{key}"><span class="block-no">{number}</span> '
        "{title}</h2> "
        '<span class="badge progress-badge p-{progress}" data-progress="{progress}">{label}</span>'
        "</div>{body}"
        '<a class="small block-history-link" href="{history}">{earlier}'
        '<span class="visually-hidden">: {title}</span></a>{threads}</div></section>',
        key=block.key,
        number=block.phone_order,
        title=block.title,
        progress=card["progress"],
        label=card["progress_label"],
        body=body,
        history=reverse("canvases:block_history", args=[canvas.pk, block.key]),
        earlier=gettext("ข้อความก่อนหน้า"),
        threads=threads,
    )
