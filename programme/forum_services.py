"""Changes to learning forums and to links between groups, each one transaction with its
audit entry.

Callers have checked the user's right (programme.access) and validated the input
(programme.forum_forms): the groups and tambon given are ones the user may choose.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from accounts import audit
from communities.models import CommunityGroup, GroupLink, LinkStatus
from programme.models import Forum

LINK_EXISTS = gettext_lazy("สองกลุ่มนี้เชื่อมโยงกันในลักษณะนี้แล้ว (หรือรอตอบรับอยู่) ดูในรายการเครือข่าย")
LINK_TO_ITSELF = gettext_lazy("เชื่อมโยงกลุ่มกับตัวเองไม่ได้")
LINK_CHANGED_MEANWHILE = gettext_lazy("การเชื่อมโยงนี้ถูกตอบรับหรือยกเลิกไปก่อนแล้ว")


@transaction.atomic
def forum_save(*, forum: Forum | None, by, values: dict, groups) -> Forum:
    """Record a new forum (`forum` None) or correct one, with its presenting groups."""
    creating = forum is None
    if creating:
        forum = Forum(created_by=by)
    for name, value in values.items():
        setattr(forum, name, value)
    forum.save()
    forum.groups.set(groups)
    audit.record(
        actor=by,
        action=audit.AuditAction.FORUM,
        target=forum,
        region_id=forum.tambon.province.region_id,
        summary=f"{forum.held_on.isoformat()} {forum.title}"[:300],
        details={
            "created": creating,
            "tambon": forum.tambon_id,
            "groups": sorted(group.pk for group in groups),
            "participants": forum.participants,
        },
    )
    return forum


def _record_link(by, link: GroupLink, what: str):
    audit.record(
        actor=by,
        action=audit.AuditAction.GROUP_LINK,
        target=link,
        region_id=link.group_low.region_id,
        summary=f"{link.group_low.name} – {link.group_high.name}: {link.kind} {what}"[:300],
        details={
            "what": what,
            "groups": [link.group_low_id, link.group_high_id],
            "kind": link.kind,
            "regions": sorted({link.group_low.region_id, link.group_high.region_id}),
        },
    )


@transaction.atomic
def link_create(
    *, group: CommunityGroup, other: CommunityGroup, kind: str, note: str, by, direct: bool
) -> GroupLink:
    """Link two groups in one way. `direct` (the caller's access rule) makes the link stand
    at once; otherwise it is `group`'s proposal, waiting for the other side.

    The same pair and kind twice is refused with ValidationError, whichever side asked.
    """
    if group.pk == other.pk:
        raise ValidationError({"other": LINK_TO_ITSELF})
    low, high = sorted((group, other), key=lambda g: g.pk)
    now = timezone.now()
    link = GroupLink(
        group_low=low,
        group_high=high,
        kind=kind,
        note=note,
        created_by=by,
        status=LinkStatus.ACCEPTED if direct else LinkStatus.PROPOSED,
        proposed_by_group=None if direct else group,
        accepted_by=by if direct else None,
        accepted_at=now if direct else None,
    )
    try:
        with transaction.atomic():
            link.save()
    except IntegrityError as error:
        raise ValidationError({"kind": LINK_EXISTS}) from error
    _record_link(by, link, "linked" if direct else "proposed")
    return link


@transaction.atomic
def link_accept(*, link: GroupLink, by) -> GroupLink:
    """The other side (or staff) accepts a proposed link. Accepting twice is refused."""
    updated = GroupLink.objects.filter(pk=link.pk, status=LinkStatus.PROPOSED).update(
        status=LinkStatus.ACCEPTED, accepted_by=by, accepted_at=timezone.now()
    )
    if not updated:
        raise ValidationError(LINK_CHANGED_MEANWHILE)
    link.refresh_from_db(fields=["status", "accepted_by", "accepted_at"])
    _record_link(by, link, "accepted")
    return link


@transaction.atomic
def link_remove(*, link: GroupLink, by) -> None:
    """End a link, or withdraw or decline a proposal; the audit entry keeps what it was."""
    what = "removed" if link.is_accepted else "withdrawn"
    _record_link(by, link, what)
    GroupLink.objects.filter(pk=link.pk).delete()
