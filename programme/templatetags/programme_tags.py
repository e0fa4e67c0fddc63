"""The programme shown on pages of other apps (communities must not import programme)."""

from django import template

from programme import selectors

register = template.Library()


@register.inclusion_tag("programme/_group_programme_card.html")
def group_programme(group):
    """Where the group stands and the links to its plan and results. One query."""
    stage = selectors.current_stage(group)
    return {"group": group, "steps": selectors.stage_steps(stage)}
