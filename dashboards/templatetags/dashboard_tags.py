"""Numbers of the dashboards as people read them: shares in percent, days to one decimal."""

from django import forms, template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

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


def _choices(field):
    """A field's choices; a model field's as its ModelChoiceIterator gives them, read with
    a plain query rather than the iterator's server-side cursor."""
    if not isinstance(field, forms.ModelChoiceField):
        return field.choices
    empty = [] if field.empty_label is None else [("", field.empty_label)]
    return empty + [
        (field.prepare_value(obj), field.label_from_instance(obj)) for obj in field.queryset
    ]


@register.simple_tag
def filter_selects(form, scope):
    """[(bound field, [(value, label, selected)])] of the filters shown as selects.

    Worked out here rather than per option in the template: the country's filters list
    some 250 options, and each choice list is read with one query instead of a count and
    a cursor. With no value chosen, the fiscal year shows the page's."""
    selects = []
    for field in form:
        if field.name in ("sort", "figure"):
            continue
        current = field.value()
        current = "" if current is None else str(current)
        if field.name == "fy" and not current and scope:
            current = str(scope.fiscal_year.year)
        options = [
            (option, label, option == current)
            for option, label in ((str(value), label) for value, label in _choices(field.field))
        ]
        selects.append((field, options))
    return selects


@register.simple_tag
def figure_cells(row, headers):
    """The figure cells of one row of the table, after its name (the first column).

    Written here rather than as a template loop: a region's table is some 270 cells."""
    return mark_safe(
        "".join(
            f'<td class="text-end">{conditional_escape(figure(row, header["key"]))}</td>'
            for header in headers
            if header["key"] != "name"
        )
    )
