"""Mentoring shown on pages of other apps (communities must not import mentors)."""

from django import template

from communities import access as community_access
from mentors import selectors

register = template.Library()

RECENT_FOLLOW_UPS = 5


@register.inclusion_tag("mentors/_group_mentors.html", takes_context=True)
def group_mentors(context, group):
    """A group's active mentors for anyone who sees the group; for staff of its region
    also the latest follow-ups and the assign/end buttons. Two queries at most."""
    user = context["user"]
    can_manage = community_access.can_manage_group(user, group)
    return {
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "group": group,
        "can_manage": can_manage,
        "assignments": list(
            selectors.active_assignments().filter(group=group).select_related("mentor__user")
        ),
        "follow_ups": list(selectors.follow_ups_of_group(group)[:RECENT_FOLLOW_UPS])
        if can_manage
        else None,
    }
