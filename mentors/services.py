"""Changes to mentors, cohorts, assignments and follow-ups; each one transaction."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role
from accounts.notifications import notify
from accounts.services import user_get_or_create_by_phone
from mentors.models import Assignment, Cohort, FollowUp, Mentor


@transaction.atomic
def mentor_create(
    *,
    region,
    display_name: str,
    phone: str,
    email: str = "",
    home_province=None,
    provinces=(),
    note: str = "",
    is_active: bool = True,
):
    """Make the person with this phone (new or known) a mentor of the region.

    Returns (mentor, created_user). Staff accounts and people who already
    are mentors are refused with a ValidationError on "phone".
    """
    user, created_user = user_get_or_create_by_phone(
        phone=phone, display_name=display_name, email=email
    )
    if user.is_codi_staff:
        raise ValidationError({"phone": _("เบอร์นี้เป็นของเจ้าหน้าที่ พอช. ใช้เป็นพี่เลี้ยงไม่ได้")})
    if Mentor.objects.filter(user=user).exists():
        raise ValidationError({"phone": _("เบอร์นี้เป็นพี่เลี้ยงอยู่แล้ว")})
    user.role = Role.MENTOR
    if email and not user.email:
        user.email = email
    user.save(update_fields=["role", "email"])
    mentor = _save_profile(
        Mentor(user=user, region=region),
        phone=phone,
        home_province=home_province,
        provinces=provinces,
        note=note,
        is_active=is_active,
    )
    return mentor, created_user


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
    display_name: str,
    phone: str,
    email: str = "",
    home_province=None,
    provinces=(),
    note: str = "",
    is_active: bool = True,
) -> Mentor:
    """Change a mentor's profile; the name and e-mail are the user's, the phone is for contact."""
    user = mentor.user
    user.display_name = display_name
    user.email = email
    user.save(update_fields=["display_name", "email"])
    return _save_profile(
        mentor,
        phone=phone,
        home_province=home_province,
        provinces=provinces,
        note=note,
        is_active=is_active,
    )


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
    notify(
        recipients=[mentor.user],
        message=_("ท่านได้รับมอบหมายเป็นพี่เลี้ยงของ %(group)s") % {"group": group.name},
        url=reverse("mentors:group_follow_ups", args=[group.pk]),
        actor=by,
    )
    return assignment


@transaction.atomic
def assignment_end(*, assignment: Assignment, on=None) -> Assignment | None:
    """End an assignment today (or on `on`); one that has not begun yet is removed.

    Returns the ended assignment, or None when it was removed.
    """
    on = on or timezone.localdate()
    if assignment.starts_on > on:
        assignment.delete()
        return None
    if assignment.ends_on is None or assignment.ends_on > on:
        assignment.ends_on = on
        assignment.save(update_fields=["ends_on"])
    return assignment


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
