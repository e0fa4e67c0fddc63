"""The coverage page's province tiles and table rows and its mentors' loads, built in
Python (see `cbmc_portal.rows`): a region's page has a tile and a row per province
and fifty mentors, and as template loops they took half of the page's time."""

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext

from cbmc_portal.rows import filled, joined
from cbmc_portal.templatetags.row_urls import row_url

register = template.Library()


def _share(row) -> str:
    if not row.has_groups:
        return gettext("ยังไม่มีกลุ่ม")
    without = filled(
        gettext("ไม่มีพี่เลี้ยง %(without)s จาก %(total)s กลุ่ม"),
        without=row.without_mentor,
        total=row.group_count,
    )
    return format_html("{} · {}", without, row.percent)


def _covering_mentors(row) -> str:
    names = format_html_join(", ", "{}", ((mentor.name,) for mentor in row.mentors)) or "–"
    more = ""
    if row.more_mentors:
        more = filled(
            ngettext("และอีก %(n)s คน", "และอีก %(n)s คน", row.more_mentors), n=row.more_mentors
        )
        more = format_html(" {}", more)
    return format_html(
        '<span class="d-block small">{} {}{}</span>', gettext("พี่เลี้ยงที่ดูแลจังหวัด:"), names, more
    )


def _tile(row, show_mentors: bool) -> str:
    step = f"cov-step-{row.step}" if row.has_groups else "cov-nogroups"
    return format_html(
        '<li class="cov-tile {}" data-code="{}"><a href="{}">'
        '<strong class="d-block">{}</strong><span class="d-block small">{}</span></a>{}</li>',
        step,
        row.province.code,
        reverse("mentors:coverage_province", args=[row.province.code]),
        row.province.name,
        _share(row),
        _covering_mentors(row) if show_mentors else "",
    )


@register.simple_tag
def coverage_tiles(rows, show_mentors=False):
    """A tile per province (`selectors.ProvinceCoverage`), coloured by its share of
    groups without a mentor; with `show_mentors`, the mentors covering it."""
    tiles = [_tile(row, show_mentors) for row in rows] or [
        format_html("<li>{}</li>", gettext("ภาคนี้ยังไม่มีจังหวัด"))
    ]
    return format_html('<ul class="cov-tiles list-unstyled">{}</ul>', joined(tiles))


def _table_row(row) -> str:
    return format_html(
        '<tr><th scope="row">{}</th><td class="text-end">{}</td><td class="text-end">{}</td>'
        '<td class="text-end">{}</td><td class="text-end">{}</td></tr>',
        row.province.name,
        row.group_count,
        row.without_mentor if row.has_groups else "–",
        row.percent if row.has_groups else gettext("ยังไม่มีกลุ่ม"),
        row.mentor_count,
    )


@register.simple_tag
def coverage_table_rows(rows):
    """The figures of each province as a table row."""
    return joined(_table_row(row) for row in rows)


def _mentor_load_row(mentor) -> str:
    inactive = ""
    if not mentor.is_active:
        inactive = format_html(
            ' <span class="badge text-bg-secondary">{}</span>', gettext("ไม่ได้ปฏิบัติงาน")
        )
    home = ""
    if mentor.home_province:
        home = format_html(
            '<div class="small text-body-secondary">{}</div>', mentor.home_province.name
        )
    return format_html(
        '<tr><td><a href="{}">{}</a>{}{}</td><td class="text-end">{}</td>'
        '<td class="text-end">{}</td></tr>',
        row_url("mentors:mentor_detail", mentor.pk),
        mentor.name,
        inactive,
        home,
        mentor.load,
        mentor.covered,
    )


@register.simple_tag
def mentor_load_rows(mentors):
    """A row per mentor (`selectors.region_mentor_loads`): groups followed, provinces."""
    if not mentors:
        return format_html('<tr><td colspan="3">{}</td></tr>', gettext("ภาคนี้ยังไม่มีพี่เลี้ยง"))
    return joined(_mentor_load_row(mentor) for mentor in mentors)
