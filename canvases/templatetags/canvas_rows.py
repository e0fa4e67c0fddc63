"""`{% queue_rows versions %}`: the review queue's rows (see `cbmc_portal.rows`)."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext

from cbmc_portal.rows import filled, joined
from cbmc_portal.templatetags.row_urls import row_url
from cbmc_portal.templatetags.thai_dates import be_date

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
