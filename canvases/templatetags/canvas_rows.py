"""Canvas pages' repeated parts written in Python (see `cbmc_portal.rows`): the review
queue's rows, a canvas's timeline and a comparison's marked text."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext

from cbmc_portal.rows import LATE_AFTER_DAYS, filled, joined
from cbmc_portal.templatetags.row_urls import row_url
from cbmc_portal.templatetags.thai_dates import be_date, be_datetime

register = template.Library()


def _waiting(days: int):
    if not days:
        return gettext("ส่งมาวันนี้")
    return format_html(
        '<strong class="{}">{}</strong>',
        "text-danger" if days >= LATE_AFTER_DAYS else "",
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
