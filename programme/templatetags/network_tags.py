"""A group's network and learning forums, shown on the group's programme overview."""

from django import template

from programme import forum_selectors

register = template.Library()

OVERVIEW_LINKS_SHOWN = 10
OVERVIEW_FORUMS_SHOWN = 5


@register.inclusion_tag("programme/_group_network_card.html")
def group_network(group):
    """The group's first links and latest forums, with the way to the network page.
    Two queries; the page is reached only by the group's programme readers."""
    return {
        "group": group,
        "links": forum_selectors.group_links(group, limit=OVERVIEW_LINKS_SHOWN),
        "forums": list(
            group.forums.select_related("tambon").order_by("-held_on", "-pk")[
                :OVERVIEW_FORUMS_SHOWN
            ]
        ),
    }
