"""Who may see and change which communities data.

One predicate per rule and one getter per protected object: objects outside
a user's reach answer 404, insiders without the right answer 403.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.models import Role
from communities.models import CommunityGroup, Invitation, Membership, MembershipRole, Region


def staff_region_id(user) -> int | None:
    """The region a regional staff member is in charge of, or None."""
    if not user.is_authenticated or not user.is_regional_staff:
        return None
    scope = getattr(user, "region_staff", None)
    return scope.region_id if scope else None


def can_see_region(user, region_id) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_national_staff or staff_region_id(user) == region_id


def can_manage_group(user, group: CommunityGroup) -> bool:
    """Staff of the group's region (or national staff) create and edit groups."""
    return can_see_region(user, group.tambon.province.region_id)


def is_group_leader(user, group: CommunityGroup) -> bool:
    return (
        user.is_authenticated
        and group.memberships.filter(user=user, role=MembershipRole.LEADER).exists()
    )


def leads_group(user):
    """`is_group_leader` as an expression, read with the rows of a query whose `group`
    it asks about (a canvas's, say)."""
    return Exists(
        Membership.objects.filter(group=OuterRef("group"), user=user, role=MembershipRole.LEADER)
    )


def staff_scope(queryset, user, region_lookup: str):
    """What staff see of `queryset`: all for national staff, their region's for regional staff.

    None for anyone who is not staff, so each caller adds its own rule for
    them; anonymous users get an empty queryset.
    """
    if not user.is_authenticated:
        return queryset.none()
    if user.is_national_staff:
        return queryset
    region_id = staff_region_id(user)
    if region_id:
        return queryset.filter(**{region_lookup: region_id})
    return None


def groups_visible_to(user):
    """Every group this user may open: their own, or their region's, or all for national staff."""
    groups = CommunityGroup.objects.with_place()
    scoped = staff_scope(groups, user, "tambon__province__region_id")
    if scoped is not None:
        return scoped
    return groups.filter(memberships__user=user).distinct()


def get_group_for_user(user, pk) -> CommunityGroup:
    return get_object_or_404(groups_visible_to(user), pk=pk)


def get_group_for_manage(user, pk) -> CommunityGroup:
    group = get_group_for_user(user, pk)
    if not can_manage_group(user, group):
        raise PermissionDenied
    return group


def get_group_for_description_edit(user, pk) -> CommunityGroup:
    """Staff of the region, or a leader of the group (description only)."""
    group = get_group_for_user(user, pk)
    if not (can_manage_group(user, group) or is_group_leader(user, group)):
        raise PermissionDenied
    return group


def chosen_region(user, slug: str):
    """(region, regions): regional staff work in their region; national staff pick one
    by slug, or none for every region."""
    regions = regions_managed_by(user)
    if user.is_national_staff:
        return (regions.filter(slug=slug).first() if slug else None), regions
    return regions.first(), regions


def regions_managed_by(user):
    if user.is_national_staff:
        return Region.objects.all()
    return Region.objects.filter(pk=staff_region_id(user))


# People ------------------------------------------------------------------------
#
# People belong to a region's staff only through their groups. The rules:
#
# * Regional staff create people (a new phone number) and attach them to groups of
#   their region. A person who already has an account is attached only when they
#   accept an invitation; national staff attach directly.
# * A person is "solely" a region's when nothing ties them elsewhere: they are not
#   staff or an admin, every group they belong to is in that region, and something
#   ties them to it (a group there, a mentor profile there, or an account created
#   by that region's staff). Regional staff change the name, e-mail or phone of a
#   person only when that person is solely their region's; national staff of anyone.
# * A one-time set-password link is handed out only for an account never used
#   (no password set, never signed in): by national staff for anyone but a
#   superuser; by regional staff only for an account they created themselves that
#   is still solely their region's (so never another staff member, an admin, or a
#   mentor or leader they did not create).

PRIVILEGED_ROLES = (Role.REGIONAL_STAFF, Role.NATIONAL_STAFF)


def is_privileged(person) -> bool:
    """Staff and admins: never attached, renamed or relinked by regional staff."""
    return person.is_superuser or person.is_staff or person.role in PRIVILEGED_ROLES


def is_never_used(person) -> bool:
    """No password was ever set and no one ever signed in with the account."""
    return person.last_login is None and not person.has_usable_password()


def person_group_region_ids(person) -> set:
    return set(
        Membership.objects.filter(user=person).values_list(
            "group__tambon__province__region_id", flat=True
        )
    )


def person_is_solely_in_region(person, region_id, *, tied_by_profile: bool = False) -> bool:
    """Nothing ties the person outside `region_id`, and something ties them to it.

    `tied_by_profile` is the caller saying the person's mentor profile is in
    that region (communities does not know mentors).
    """
    if region_id is None or is_privileged(person):
        return False
    regions = person_group_region_ids(person)
    if regions - {region_id}:
        return False
    if regions or tied_by_profile:
        return True
    creator = person.created_by
    return creator is not None and staff_region_id(creator) == region_id


def can_edit_person_details(user, person, *, tied_by_profile: bool = False) -> bool:
    """Name, e-mail and phone of a person: national staff, or staff of their sole region."""
    if not user.is_authenticated:
        return False
    if user.is_national_staff:
        return True
    return person_is_solely_in_region(
        person, staff_region_id(user), tied_by_profile=tied_by_profile
    )


def may_offer_password_link(user, person) -> bool:
    """The cheap part of `can_issue_password_link` (no query), for lists of people."""
    if not user.is_authenticated or person.is_superuser or not is_never_used(person):
        return False
    if user.is_national_staff:
        return True
    return user.is_regional_staff and person.created_by_id == user.pk and not is_privileged(person)


def can_issue_password_link(user, person) -> bool:
    """Whether `user` may hand out a one-time set-password link for `person` (see above)."""
    if not may_offer_password_link(user, person):
        return False
    if user.is_national_staff:
        return True
    return person_is_solely_in_region(person, staff_region_id(user))


def get_person_for_link(user, group: CommunityGroup, person_pk):
    """A member of a group the user manages (else 404) whose link the user may issue (else 403)."""
    person = (
        get_user_model()
        .objects.select_related("created_by__region_staff")
        .filter(pk=person_pk, memberships__group=group)
        .first()
    )
    if person is None:
        raise Http404
    if not can_issue_password_link(user, person):
        raise PermissionDenied
    return person


def can_attach_directly(user) -> bool:
    """National staff attach an existing person to a group without asking them."""
    return user.is_authenticated and user.is_national_staff


def can_receive_invitations(person) -> bool:
    """Only community people are ever asked to join a group; invitations staff send to
    anyone else are kept (so the staff member learns nothing) but never shown."""
    return person.role == Role.COMMUNITY and not is_privileged(person)


def invitations_for(person):
    """Pending invitations the person may answer, newest first."""
    if not person.is_authenticated or not can_receive_invitations(person):
        return Invitation.objects.none()
    # Prefetched, not joined: every home page asks, and almost always finds none; a
    # query of one table is planned and built in a fraction of the joined one's time,
    # and the prefetches run only when there is an invitation to show.
    return (
        Invitation.objects.pending()
        .filter(invitee=person)
        .prefetch_related("group__tambon", "invited_by")
    )


def get_invitation_for_invitee(user, pk) -> Invitation:
    """Only the invited person sees their pending invitation; anyone else gets 404."""
    return get_object_or_404(invitations_for(user), pk=pk)


def get_invitation_for_manage(user, group: CommunityGroup, pk) -> Invitation:
    """A pending invitation to a group the user manages (the group was checked)."""
    return get_object_or_404(Invitation.objects.pending(), group=group, pk=pk)


# Community capital -------------------------------------------------------------
#
# The whole rule (who reads and changes a tambon's capital) needs the mentors and
# the canvases' readers, so it lives in programme.capital.access; these are its
# parts this app can answer.


def leads_group_in_tambon(user, tambon) -> bool:
    """The user leads at least one group of the tambon."""
    return (
        user.is_authenticated
        and Membership.objects.filter(
            user=user, role=MembershipRole.LEADER, group__tambon=tambon
        ).exists()
    )
