"""Changes to mentors, cohorts, assignments and follow-ups; each one transaction."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import audit
from accounts.models import Role
from accounts.notifications import Event, notify
from accounts.services import user_by_phone, user_change_role, user_get_or_create_by_phone
from mentors import access
from mentors.models import Assignment, Cohort, FollowUp, Mentor

# One message for every phone that cannot become a mentor here, so staff learn
# neither whose number it is nor what role it has.
MENTOR_PHONE_REFUSED = gettext_lazy(
    "เบอร์นี้มีบัญชีในระบบแล้ว ท่านเพิ่มเป็นพี่เลี้ยงไม่ได้ ติดต่อเจ้าหน้าที่ส่วนกลางหากต้องการเพิ่ม"
)


@transaction.atomic
def mentor_create(
    *,
    region,
    by,
    display_name: str,
    phone: str,
    email: str = "",
    home_province=None,
    provinces=(),
    note: str = "",
    is_active: bool = True,
):
    """Make the owner of this phone (new or known) a mentor of the region.

    A new number becomes a mentor account created by `by`. A known person
    becomes a mentor only where access.can_make_mentor allows it, else a
    ValidationError on "phone" that says nothing about them; their name and
    e-mail stay as they are, and the change of role is recorded.
    Returns (mentor, created_user).
    """
    person = user_by_phone(phone)
    if person is not None:
        if not access.can_make_mentor(by, person, region):
            raise ValidationError({"phone": MENTOR_PHONE_REFUSED})
        user, created_user = person, False
        user_change_role(user=user, role=Role.MENTOR, by=by, region_id=region.pk)
    else:
        user, created_user = user_get_or_create_by_phone(
            phone=phone, display_name=display_name, email=email, created_by=by, role=Role.MENTOR
        )
    mentor = _save_profile(
        Mentor(user=user, region=region),
        phone=phone,
        home_province=home_province,
        provinces=provinces,
        note=note,
        is_active=is_active,
    )
    _record_profile(mentor, by=by, details={"created": True, "new_account": created_user})
    return mentor, created_user


def _record_profile(mentor: Mentor, *, by, details: dict) -> None:
    audit.record(
        actor=by,
        action=audit.AuditAction.MENTOR_PROFILE,
        target_user=mentor.user,
        target=mentor,
        region_id=mentor.region_id,
        summary=mentor.user.name,
        details=details,
    )


def _save_profile(mentor: Mentor, *, phone, home_province, provinces, note, is_active) -> Mentor:
    """The profile fields a mentor's create and update share."""
    mentor.phone = phone
    mentor.home_province = home_province
    mentor.note = note
    mentor.is_active = is_active
    mentor.save()
    mentor.provinces.set(provinces)
    return mentor


@transaction.atomic
def mentor_update(
    *,
    mentor: Mentor,
    by,
    display_name: str | None = None,
    phone: str | None = None,
    email: str | None = None,
    home_province=None,
    provinces=(),
    note: str = "",
    is_active: bool = True,
) -> Mentor:
    """Change a mentor's profile; the name and e-mail are the user's, the phone is for contact.

    None leaves the name, e-mail or contact phone as it is: the caller passes
    them only when access.can_edit_mentor_details allows `by` to change them.
    """
    user = mentor.user
    changed = []
    for field, value in (("display_name", display_name), ("email", email)):
        if value is not None and getattr(user, field) != value:
            setattr(user, field, value)
            changed.append(field)
    if changed:
        user.save(update_fields=changed)
    if phone is not None and phone != mentor.phone:
        changed.append("phone")
    _save_profile(
        mentor,
        phone=mentor.phone if phone is None else phone,
        home_province=home_province,
        provinces=provinces,
        note=note,
        is_active=is_active,
    )
    _record_profile(mentor, by=by, details={"changed": changed})
    return mentor


@transaction.atomic
def cohort_save(*, form) -> Cohort:
    """Create or update a cohort from a validated CohortForm."""
    return form.save()


@transaction.atomic
def assignment_create(*, mentor: Mentor, group, starts_on, ends_on=None, by) -> Assignment:
    """Assign a mentor to a group for a period and tell the mentor.

    Refuses (ValidationError on "starts_on") a period that overlaps another
    assignment of the same mentor to the same group.
    """
    overlapping = Assignment.objects.select_for_update().filter(mentor=mentor, group=group)
    if ends_on is not None:
        overlapping = overlapping.filter(starts_on__lte=ends_on)
    overlapping = overlapping.exclude(ends_on__lt=starts_on)
    if overlapping.exists():
        raise ValidationError({"starts_on": _("พี่เลี้ยงคนนี้ดูแลกลุ่มนี้อยู่แล้วในช่วงวันที่นี้")})
    assignment = Assignment.objects.create(
        mentor=mentor, group=group, starts_on=starts_on, ends_on=ends_on, created_by=by
    )
    _record_assignment(assignment, by=by, details={"assigned": True})
    notify(
        recipients=[mentor.user],
        event=Event.MENTOR_ASSIGNED,
        data={"group": group.name},
        url=reverse("mentors:group_follow_ups", args=[group.pk]),
        actor=by,
    )
    return assignment


@transaction.atomic
def assignment_end(*, assignment: Assignment, by=None, on=None) -> Assignment | None:
    """End an assignment today (or on `on`); one that has not begun yet is removed.

    Returns the ended assignment, or None when it was removed.
    """
    on = on or timezone.localdate()
    if assignment.starts_on > on:
        _record_assignment(assignment, by=by, details={"removed": True})
        assignment.delete()
        return None
    if assignment.ends_on is None or assignment.ends_on > on:
        assignment.ends_on = on
        assignment.save(update_fields=["ends_on"])
        _record_assignment(assignment, by=by, details={"ended_on": on.isoformat()})
    return assignment


def _record_assignment(assignment: Assignment, *, by, details: dict) -> None:
    group = assignment.group
    audit.record(
        actor=by,
        action=audit.AuditAction.ASSIGNMENT,
        target_user=assignment.mentor.user,
        target=assignment,
        region_id=group.tambon.province.region_id,
        summary=f"{assignment.mentor.user.name} – {group.name}",
        details={
            "group": group.pk,
            "mentor": assignment.mentor_id,
            "starts_on": assignment.starts_on.isoformat(),
            "ends_on": assignment.ends_on.isoformat() if assignment.ends_on else None,
            **details,
        },
    )


@transaction.atomic
def follow_up_log(*, mentor: Mentor, group, happened_on, kind, what_was_done, next_steps=""):
    """Record a mentor's contact with a group."""
    return FollowUp.objects.create(
        mentor=mentor,
        group=group,
        happened_on=happened_on,
        kind=kind,
        what_was_done=what_was_done,
        next_steps=next_steps,
    )
