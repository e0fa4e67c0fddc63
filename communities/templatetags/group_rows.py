"""`{% group_rows groups %}`: the rows of a region's group list (see `cbmc_portal.rows`)."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext

from cbmc_portal.rows import LATE_AFTER_DAYS, filled, joined
from cbmc_portal.templatetags.row_urls import row_url

register = template.Library()


def _waiting(days):
    if days is None:
        return ""
    if days:
        text = filled(ngettext("รอพิจารณานานสุด %(n)s วัน", "รอพิจารณานานสุด %(n)s วัน", days), n=days)
    else:
        text = gettext("มีแผนส่งมาวันนี้")
    late = " text-danger" if days >= LATE_AFTER_DAYS else ""
    return format_html('<strong class="plan-waiting{}">{}</strong>', late, text)


def _plan_states(group):
    """The group's plans by state and what waits."""
    if not group.plans_total:
        return format_html('<span class="text-body-secondary">{}</span>', gettext("ยังไม่มีแผน"))
    counts = (
        (group.plans_draft, gettext("ร่าง %(n)s")),
        (group.plans_submitted, gettext("รอพิจารณา %(n)s")),
        (group.plans_changes_requested, gettext("ขอให้ปรับแก้ %(n)s")),
        (group.plans_approved, gettext("ผ่านแล้ว %(n)s")),
    )
    states = [
        format_html('<span class="plan-state">{}</span>', filled(label, n=count))
        for count, label in counts
        if count
    ]
    return joined([*states, _waiting(group.days_waiting)])


def _group_row(group) -> str:
    english = (
        format_html(' <span class="text-body-secondary small" lang="en">{}</span>', group.name_en)
        if group.name_en
        else ""
    )
    return format_html(
        '<li class="list-group-item"><a class="fw-bold" href="{}">{}</a>{}'
        '<div class="small">{} · {}</div>'
        '<div class="plan-states small">{}</div></li>',
        row_url("communities:group_detail", group.pk),
        group.name,
        english,
        group.tambon.place_label,
        group.get_kind_display(),
        _plan_states(group),
    )


@register.simple_tag
def group_rows(groups):
    """One `<li>` per group (`selectors.groups_for_list`, with `days_waiting`)."""
    if not groups:
        return format_html('<li class="list-group-item">{}</li>', gettext("ไม่พบกลุ่ม"))
    return joined(_group_row(group) for group in groups)
