"""Changes to community groups and their people; each one transaction."""

from django.db import transaction

from accounts.services import user_get_or_create_by_phone
from communities.models import CommunityGroup, Membership


@transaction.atomic
def group_save(*, form) -> CommunityGroup:
    """Create or update a group from a validated GroupForm."""
    return form.save()


@transaction.atomic
def group_add_person(
    *, group: CommunityGroup, display_name: str, phone: str, email: str, role: str
):
    """Give a person (new or known by phone) a role in the group.

    Returns (user, created_user).
    """
    user, created = user_get_or_create_by_phone(phone=phone, display_name=display_name, email=email)
    Membership.objects.update_or_create(group=group, user=user, defaults={"role": role})
    return user, created
