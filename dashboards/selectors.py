from communities.models import Membership


def home_memberships(user):
    """The user's groups, with their place, for the home page."""
    return (
        Membership.objects.filter(user=user)
        .select_related("group__tambon__district", "group__tambon__province")
        .order_by("group__name")
    )
