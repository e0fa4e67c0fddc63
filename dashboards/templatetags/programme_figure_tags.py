"""Numbers of the programme page as people read them: baht with separators, signed changes."""

from decimal import Decimal

from django import template

register = template.Library()

NOTHING = "—"


@register.filter
def baht(value):
    """1234567.5 → "1,234,567.50"; whole baht without decimals; nothing → "—"."""
    if value is None:
        return NOTHING
    value = Decimal(value)
    if value == value.to_integral_value():
        return f"{value:,.0f}"
    return f"{value:,.2f}"


@register.filter
def signed_baht(value):
    """A change: "+5,000" or "−1,000" (a real minus sign); nothing → "—"."""
    if value is None:
        return NOTHING
    text = baht(abs(value))
    return f"+{text}" if value > 0 else (f"−{text}" if value < 0 else text)


@register.filter
def signed_percent(value):
    """A change in percent: "+12.5%"; none (no income the year before) → "—"."""
    if value is None:
        return NOTHING
    sign = "+" if value > 0 else ("−" if value < 0 else "")
    return f"{sign}{abs(value):.1f}%"


@register.filter
def count(value):
    return f"{value:,}"


@register.filter
def link(row, name):
    """The list behind one figure of a row."""
    return row.links.get(name, "")
