"""Numbers of the dashboards as people read them: shares in percent, days to one decimal."""

from django import template

register = template.Library()


@register.filter
def percent(value):
    """0.4567 → "45.7%"; nothing to show → "–"."""
    if value is None:
        return "–"
    return f"{value * 100:.1f}%"


@register.filter
def days(value):
    if value is None:
        return "–"
    return f"{value:.1f}"


@register.filter
def figure(row, column):
    """One cell of the table, formatted for its column."""
    value = row.value(column)
    if column in ("approved_share", "target_share"):
        return percent(value)
    if column in ("median_days", "p90_days"):
        return days(value)
    if column == "target":
        return "–" if value is None else f"{value:,.0f}"
    if value is None:
        return "–"
    if isinstance(value, int):
        return f"{value:,}"
    return value
