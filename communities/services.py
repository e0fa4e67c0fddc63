"""Changes to community groups and their people; each one transaction."""

import enum

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import audit
from accounts.notifications import Event, in_each_language, notify
from accounts.services import user_by_phone, user_get_or_create_by_phone
from communities import access
from communities.models import (
    CAPITAL_ITEMS_PER_TAMBON,
    CapitalItem,
    CommunityGroup,
    Invitation,
    InvitationStatus,
    Membership,
    Province,
    Tambon,
)
from communities.signals import groups_moved


class PersonAdded(enum.Enum):
    """What adding a phone number to a group did."""

    CREATED = "created"  # a new account, attached; its creator may hand out the link
    ATTACHED = "attached"  # an existing person, attached directly by national staff
    INVITED = "invited"  # an existing person, asked to accept first
    ALREADY_MEMBER = "already_member"  # already in the group: their role in it was set


@transaction.atomic
def group_save(*, form) -> CommunityGroup:
    """Create or update a group from a validated form (the staff's or the admin's)."""
    moved = form.instance.pk is not None and "tambon" in form.changed_data
    group = form.save()
    if moved:
        groups_moved.send(sender=CommunityGroup, group_ids=[group.pk])
    return group


@transaction.atomic
def province_save(*, form) -> Province:
    """Save a province from the admin's form; moving it to another region moves its groups."""
    moved = "region" in form.changed_data
    province = form.save()
    if moved:
        group_ids = list(
            CommunityGroup.objects.filter(tambon__province=province).values_list("pk", flat=True)
        )
        groups_moved.send(sender=Province, group_ids=group_ids)
    return province


@transaction.atomic
def group_add_person(
    *, group: CommunityGroup, by, display_name: str, phone: str, email: str = "", role: str
):
    """Add the owner of a phone number to the group as `role`.

    A new number becomes an account created by `by` and joins at once. A known
    person's name and e-mail are never changed: national staff attach them
    directly, anyone else sends an invitation the person must accept. The
    caller has checked that `by` manages the group. Returns (PersonAdded, user).
    """
    person = user_by_phone(phone)
    if person is None:
        person, _created = user_get_or_create_by_phone(
            phone=phone, display_name=display_name, email=email, created_by=by
        )
        return PersonAdded.CREATED, _attach(group=group, person=person, role=role, by=by)
    membership = Membership.objects.filter(group=group, user=person).first()
    if membership is not None:
        if membership.role != role:
            membership.role = role
            membership.save(update_fields=["role"])
        return PersonAdded.ALREADY_MEMBER, person
    if access.can_attach_directly(by):
        _attach(group=group, person=person, role=role, by=by)
        notify(
            recipients=[person],
            event=Event.MEMBER_ADDED,
            data={"group": group.name},
            url=reverse("communities:group_detail", args=[group.pk]),
            actor=by,
        )
        return PersonAdded.ATTACHED, person
    _invite(group=group, person=person, phone=phone, role=role, by=by)
    return PersonAdded.INVITED, person


def _attach(*, group, person, role, by, invitation=None):
    membership, _created = Membership.objects.update_or_create(
        group=group, user=person, defaults={"role": role}
    )
    details = {"group": group.pk, "role": role}
    if invitation is not None:
        details["invitation"] = invitation.pk
        details["invited_by"] = invitation.invited_by_id
    audit.record(
        actor=by,
        action=audit.AuditAction.PERSON_ATTACHED,
        target_user=person,
        target=group,
        region_id=group.region_id,
        summary=group.name,
        details=details,
    )
    return person


def _invite(*, group, person, phone, role, by) -> Invitation:
    invitation = Invitation.objects.select_for_update().pending().filter(
        group=group, invitee=person
    ).first() or Invitation(group=group, invitee=person, phone=phone)
    # Asking again only updates the role offered: the person is not told twice.
    is_new = invitation.pk is None
    invitation.role = role
    invitation.invited_by = by
    invitation.save()
    delivered = access.can_receive_invitations(person)
    audit.record(
        actor=by,
        action=audit.AuditAction.PERSON_INVITED,
        target_user=person,
        target=invitation,
        region_id=group.region_id,
        summary=invitation.phone_display,
        details={"group": group.pk, "role": role, "delivered": delivered},
    )
    if delivered and is_new:
        notify(
            recipients=[person],
            event=Event.INVITED,
            data={"group": group.name, "role": in_each_language(invitation.get_role_display())},
            url=reverse("home") + "#invitations",
            actor=by,
        )
    return invitation


def _answer(invitation: Invitation, status: str) -> bool:
    """Close a pending invitation; False when another request closed it first."""
    now = timezone.now()
    closed = (
        Invitation.objects.pending().filter(pk=invitation.pk).update(status=status, answered_at=now)
    )
    invitation.status, invitation.answered_at = status, now
    return bool(closed)


@transaction.atomic
def invitation_accept(*, invitation: Invitation) -> Membership | None:
    """The invited person joins the group in the role offered.

    The caller fetched the invitation for its invitee (access.get_invitation_for_invitee).
    """
    person, group = invitation.invitee, invitation.group
    if not _answer(invitation, InvitationStatus.ACCEPTED):
        return Membership.objects.filter(group=group, user=person).first()
    _attach(group=group, person=person, role=invitation.role, by=person, invitation=invitation)
    notify(
        recipients=[invitation.invited_by],
        event=Event.INVITATION_ACCEPTED,
        data={"phone": invitation.phone_display, "group": group.name},
        url=reverse("communities:group_detail", args=[group.pk]),
        actor=person,
    )
    return Membership.objects.get(group=group, user=person)


@transaction.atomic
def invitation_decline(*, invitation: Invitation) -> None:
    """The invited person says no; the staff member who asked is told."""
    if not _answer(invitation, InvitationStatus.DECLINED):
        return
    notify(
        recipients=[invitation.invited_by],
        event=Event.INVITATION_DECLINED,
        data={"phone": invitation.phone_display, "group": invitation.group.name},
        url=reverse("communities:group_detail", args=[invitation.group_id]),
        actor=invitation.invitee,
    )


@transaction.atomic
def invitation_withdraw(*, invitation: Invitation, by) -> None:
    """Staff of the group take back an invitation not yet answered."""
    if not _answer(invitation, InvitationStatus.WITHDRAWN):
        return
    audit.record(
        actor=by,
        action=audit.AuditAction.PERSON_INVITED,
        target_user=invitation.invitee,
        target=invitation,
        region_id=invitation.group.region_id,
        summary=invitation.phone_display,
        details={"group": invitation.group_id, "withdrawn": True},
    )


# Community capital -------------------------------------------------------------
#
# The caller has checked that `by` may change the tambon's capital
# (programme.capital.access); the form has validated and normalised the texts.

CAPITAL_FULL = _("ตำบลนี้บันทึกทุนชุมชนครบ %(limit)s รายการแล้ว ลบหรือรวมรายการเดิมก่อนเพิ่มรายการใหม่")


def _capital_audit(*, by, item: CapitalItem, change: str) -> None:
    audit.record(
        actor=by,
        action=audit.AuditAction.TAMBON_CAPITAL,
        target=item,
        region_id=item.tambon.province.region_id,
        summary=item.what,
        details={"tambon": item.tambon_id, "kind": item.kind, "change": change},
    )


@transaction.atomic
def capital_item_add(*, tambon: Tambon, by, kind: str, what: str, detail: str = "") -> CapitalItem:
    """Add one item to the tambon's inventory of community capital.

    The tambon's row is locked while its items are counted, so two people adding
    at once cannot pass CAPITAL_ITEMS_PER_TAMBON together; a full inventory
    raises ValidationError.
    """
    Tambon.objects.select_for_update().filter(pk=tambon.pk).values("pk").first()
    if CapitalItem.objects.filter(tambon=tambon).count() >= CAPITAL_ITEMS_PER_TAMBON:
        raise ValidationError(CAPITAL_FULL, code="full", params={"limit": CAPITAL_ITEMS_PER_TAMBON})
    item = CapitalItem.objects.create(
        tambon=tambon, kind=kind, what=what, detail=detail, added_by=by
    )
    _capital_audit(by=by, item=item, change="added")
    return item


@transaction.atomic
def capital_item_update(*, item: CapitalItem, by, kind: str, what: str, detail: str = "") -> None:
    """Change an item's kind and texts (who first added it stays)."""
    item.kind, item.what, item.detail = kind, what, detail
    item.save(update_fields=["kind", "what", "detail", "updated_at"])
    _capital_audit(by=by, item=item, change="updated")


@transaction.atomic
def capital_item_delete(*, item: CapitalItem, by) -> None:
    """Remove an item; the audit entry keeps what it said."""
    _capital_audit(by=by, item=item, change="removed")
    item.delete()
