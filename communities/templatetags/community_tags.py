"""Community pieces shown on pages of other apps (the home page's invitations)."""

from django import template

from communities import access

register = template.Library()


@register.inclusion_tag("communities/_invitations.html", takes_context=True)
def group_invitations(context):
    """The signed-in person's pending invitations to join a group, to accept or decline."""
    return {
        "csrf_token": context.get("csrf_token"),
        "invitations": list(access.invitations_for(context["user"])),
    }
