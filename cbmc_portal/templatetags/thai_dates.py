"""Dates in the Buddhist era (พ.ศ.) for Thai, in the Common Era for English.

Loaded as a template builtin: `{{ value|be_date }}`, `{{ value|be_datetime }}`,
`{{ year|be_year }}`.
"""

import datetime

from django import template
from django.utils import timezone, translation
from django.utils.dates import MONTHS, MONTHS_3, MONTHS_AP

BUDDHIST_ERA_OFFSET = 543

register = template.Library()


def _is_thai() -> bool:
    return (translation.get_language() or "th").startswith("th")


def buddhist_year(year: int) -> int:
    return year + BUDDHIST_ERA_OFFSET


@register.filter
def be_year(year):
    """A Common-Era year number shown in the user's era."""
    if year in (None, ""):
        return ""
    return buddhist_year(int(year)) if _is_thai() else int(year)


@register.filter
def be_date(value, style="long"):
    """`24 พฤศจิกายน 2569` in Thai (or `24 พ.ย. 2569` with style "short")."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    # The month names straight from Django's tables (what dateformat's "M", "N" and "F"
    # give), not through dateformat.format: dates in every comment of a page add up.
    if _is_thai():
        month = str(MONTHS_3[value.month]).title() if style == "short" else MONTHS[value.month]
        return f"{value.day} {month} {buddhist_year(value.year)}"
    month = MONTHS_AP[value.month] if style == "short" else MONTHS[value.month]
    return f"{value.day} {month} {value.year}"


@register.filter
def be_datetime(value, style="long"):
    """`24 พฤศจิกายน 2569 10:42 น.` in Thai."""
    if not value:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    clock = local.strftime("%H:%M")
    if _is_thai():
        return f"{be_date(local, style)} {clock} น."
    return f"{be_date(local, style)} {clock}"
