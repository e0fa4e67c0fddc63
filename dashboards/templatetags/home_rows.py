"""The rows of a home page's lists (see `cbmc_portal.rows`): a mentor's groups and a
leader's groups with their plans."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext

from cbmc_portal.rows import filled, joined
from cbmc_portal.templatetags.row_urls import row_url
from cbmc_portal.templatetags.thai_dates import be_date

register = template.Library()


def _mentor_group_labels() -> dict:
    """The words every row repeats, translated once per list rather than once per row."""
    return {
        "last": gettext("ติดตามล่าสุด %(day)s"),
        "never": format_html('<span class="text-danger">{}</span>', gettext("ยังไม่เคยบันทึกการติดตาม")),
        "follow_up": gettext("บันทึกการติดตาม"),
        "plans": gettext("แผนของกลุ่ม"),
        "programme": gettext("ขั้นตอนและผลลัพธ์"),
    }


def _mentor_group_row(assignment, labels) -> str:
    group = assignment.group
    day = assignment.last_follow_up_on
    return format_html(
        '<li class="list-group-item">'
        '<a class="fw-bold" href="{}">{}</a>'
        '<div class="small text-body-secondary">{}</div>'
        '<div class="small">{}</div>'
        '<div class="d-flex flex-wrap gap-2 mt-2">'
        '<a class="btn btn-sm btn-success tap-target" href="{}">{}</a> '
        '<a class="btn btn-sm btn-outline-success tap-target" href="{}">{}</a> '
        '<a class="btn btn-sm btn-outline-success tap-target" href="{}">{}</a>'
        "</div></li>",
        row_url("mentors:group_follow_ups", group.pk),
        group.name,
        group.tambon.place_label,
        filled(labels["last"], day=be_date(day, "short")) if day else labels["never"],
        row_url("mentors:follow_up_create", group.pk),
        labels["follow_up"],
        row_url("canvases:group_list", group.pk),
        labels["plans"],
        row_url("programme:overview", group.pk),
        labels["programme"],
    )


@register.simple_tag
def mentor_group_rows(assignments):
    """One `<li>` per group the mentor follows, with its three actions."""
    if not assignments:
        return format_html(
            '<li class="list-group-item">{}</li>',
            gettext("ท่านยังไม่ได้รับมอบหมายกลุ่ม ติดต่อเจ้าหน้าที่ พอช. ในภาคของท่าน"),
        )
    labels = _mentor_group_labels()
    return joined(_mentor_group_row(assignment, labels) for assignment in assignments)


def _plan_next_step(plan):
    """What a plan's leader does next, by its state."""
    if plan.status == "draft":
        return filled(
            gettext("เขียนแล้ว %(filled)s จาก %(total)s ช่อง"),
            filled=plan.filled_blocks,
            total=plan.blocks_total,
        )
    if plan.status == "submitted":
        return gettext("รอพี่เลี้ยงพิจารณา")
    if plan.status == "changes_requested":
        if plan.open_blocks:
            return filled(
                ngettext("พี่เลี้ยงขอให้แก้ %(n)s ช่อง", "พี่เลี้ยงขอให้แก้ %(n)s ช่อง", plan.open_blocks),
                n=plan.open_blocks,
            )
        return gettext("แก้ครบทุกช่องที่พี่เลี้ยงขอแล้ว ส่งให้พิจารณาอีกครั้งได้")
    if plan.status == "approved":
        if plan.approved_at:
            return filled(gettext("ผ่านการพิจารณาเมื่อ %(day)s"), day=be_date(plan.approved_at))
        return plan.get_status_display()
    return ""


def _plans(plans):
    if not plans:
        return format_html(
            '<p class="small text-body-secondary mb-1 mt-2">{}</p>', gettext("ยังไม่มีแผน")
        )
    items = joined(
        format_html(
            '<li class="home-plan plan-{}"><a href="{}">{}</a>: '
            '<span class="plan-next">{}</span></li>',
            plan.status,
            row_url("canvases:detail", plan.pk),
            plan.title,
            _plan_next_step(plan),
        )
        for plan in plans
    )
    return format_html('<ul class="home-plans list-unstyled mb-1 mt-2">{}</ul>', items)


def _membership_row(membership) -> str:
    group = membership.group
    return format_html(
        '<li class="list-group-item">'
        '<a class="fw-bold" href="{}">{}</a> '
        '<span class="badge text-bg-light">{}</span>'
        '<div class="small text-body-secondary">{}</div>'
        "{}"
        '<a class="small" href="{}">{}</a></li>',
        row_url("communities:group_detail", group.pk),
        group.name,
        membership.get_role_display(),
        group.tambon.place_label,
        _plans(membership.plans),
        row_url("canvases:group_list", group.pk),
        gettext("แผนธุรกิจเพื่อชุมชนของกลุ่ม"),
    )


@register.simple_tag
def membership_rows(memberships):
    """One `<li>` per group of the signed-in person, with its plans and their next steps
    (`dashboards.selectors.home_memberships`)."""
    return joined(_membership_row(membership) for membership in memberships)
