"""A block's card in the editor, on a version's page and on the review page, written in
Python (see `cbmc_portal.rows`): nine of them on every one of these pages."""

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from canvases.blocks import PROGRESS_LABELS
from canvases.templatetags.canvas_threads import comment_new, thread_article
from cbmc_portal.rows import filled, joined
from cbmc_portal.templatetags.row_urls import row_url

register = template.Library()


def _heading(block) -> str:
    """A block's numbered title, which its card is labelled by."""
    return format_html(
        '<h2 class="h6 mb-1 block-title" id="title-{}"><span class="block-no">{}</span> {}</h2>',
        block.key,
        block.phone_order,
        block.title,
    )


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
        "{heading} "
        '<span class="badge progress-badge p-{progress}" data-progress="{progress}">{label}</span>'
        "</div>{body}"
        '<a class="small block-history-link" href="{history}">{earlier}'
        '<span class="visually-hidden">: {title}</span></a>{threads}</div></section>',
        key=block.key,
        heading=_heading(block),
        title=block.title,
        progress=card["progress"],
        label=PROGRESS_LABELS[card["progress"]],
        body=body,
        history=reverse("canvases:block_history", args=[canvas.pk, block.key]),
        earlier=gettext("ข้อความก่อนหน้า"),
        threads=threads,
    )


# The review page -------------------------------------------------------------------


def _block_threads_url(canvas, number, key, state):
    return (
        reverse("canvases:review_block_threads", args=[canvas.pk, number, key]) + f"?state={state}"
    )


def _threads_link(css: str, url: str, label) -> str:
    return format_html(
        '<p class="small mb-1 {}"><a class="d-inline-flex align-items-center tap-target" '
        'href="{}">{}</a></p>',
        css,
        url,
        label,
    )


def _more_threads(card, canvas, version) -> str:
    """Links to what the card keeps behind counts: more open threads, the resolved ones
    (fetched in place by htmx when none is shown), those of earlier versions."""
    key, parts = card["block"].key, []
    if card["more_open"]:
        n = card["open_count"]
        parts.append(
            _threads_link(
                "more-threads",
                _block_threads_url(canvas, version.number, key, "open"),
                filled(
                    ngettext("ดูเรื่องที่ยังไม่แก้ทั้งหมด %(n)s เรื่อง", "ดูเรื่องที่ยังไม่แก้ทั้งหมด %(n)s เรื่อง", n),
                    n=n,
                ),
            )
        )
    resolved = card["resolved_count"]
    if resolved:
        url = _block_threads_url(canvas, version.number, key, "resolved")
        label = filled(
            ngettext("ดูเรื่องที่แก้แล้ว %(n)s เรื่อง", "ดูเรื่องที่แก้แล้ว %(n)s เรื่อง", resolved), n=resolved
        )
        if card["resolved_shown"]:
            parts.append(_threads_link("resolved-threads", url, label))
        else:
            parts.append(
                format_html(
                    '<div class="small mb-1 resolved-threads" id="resolved-{key}"><a '
                    'class="d-inline-flex align-items-center tap-target" href="{url}" '
                    'hx-get="{url}" hx-target="#resolved-{key}" hx-swap="innerHTML">{label}</a>'
                    "</div>",
                    key=key,
                    url=url,
                    label=label,
                )
            )
    if card["earlier"]:
        earlier = joined(
            (
                format_html(
                    '<a class="d-inline-flex align-items-center tap-target me-2" href="{}">{}</a>',
                    _block_threads_url(canvas, item["number"], key, "all"),
                    filled(
                        ngettext(
                            "ฉบับที่ %(v)s (%(n)s เรื่อง)", "ฉบับที่ %(v)s (%(n)s เรื่อง)", item["count"]
                        ),
                        v=item["number"],
                        n=item["count"],
                    ),
                )
                for item in card["earlier"]
            ),
            "",
        )
        parts.append(
            format_html(
                '<nav class="earlier-threads small mt-1" aria-label="{}"><span>{}</span> {}</nav>',
                filled(gettext("ความเห็นในฉบับก่อนของช่อง %(block)s"), block=card["block"].title),
                gettext("ความเห็นและคำตอบในฉบับก่อน:"),
                earlier,
            )
        )
    return joined(parts, "")


@register.simple_tag(takes_context=True)
def review_card(context, card):
    """A block on the review page (`review_views._review_context`): its text, its threads
    and what is kept behind counts, and the box for a new comment on it."""
    block, canvas, version = card["block"], context["canvas"], context["version"]
    open_badge = ""
    if card["open_count"]:
        n = card["open_count"]
        open_badge = format_html(
            ' <span class="badge thread-state-open">{}</span>',
            filled(ngettext("%(n)s เรื่องที่ยังไม่แก้", "%(n)s เรื่องที่ยังไม่แก้", n), n=n),
        )
    threads = ""
    if card["threads"]:
        threads = format_html(
            '<div class="block-threads">{}</div>',
            joined(thread_article(context, thread) for thread in card["threads"]),
        )
    new_comment = ""
    if card["comment_form"]:
        new_comment = comment_new(
            context,
            card["comment_form"],
            row_url("canvases:comment_create", canvas.pk),
            gettext("แสดงความเห็นในช่องนี้"),
            anchor=f"block-{block.key}",
        )
    return format_html(
        '<section class="card canvas-block review-block b-{key}" id="block-{key}" '
        'aria-labelledby="title-{key}"><div class="card-body p-2">'
        '<div class="d-flex justify-content-between align-items-start gap-1">'
        "{heading}{open_badge}</div>"
        '<div class="text-prewrap block-text">{text}</div>{threads}{more}{new_comment}'
        "</div></section>",
        key=block.key,
        heading=_heading(block),
        open_badge=open_badge,
        text=card["text"] or "",
        threads=threads,
        more=_more_threads(card, canvas, version),
        new_comment=new_comment,
    )
