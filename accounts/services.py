"""Changes to accounts."""

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts import audit
from accounts.models import Role


def user_by_phone(phone: str):
    """The person with this (normalised) phone number, locked for the caller's transaction."""
    return get_user_model().objects.select_for_update().filter(phone=phone).first()


@transaction.atomic
def user_get_or_create_by_phone(
    *, phone: str, display_name: str, email: str = "", created_by=None, role=Role.COMMUNITY
):
    """The person with this phone number, created without a password if new.

    Returns (user, created). A new user sets a password through a one-time
    link; `created_by` (the staff member) is the one who may hand it out. An
    existing person's name, e-mail and role are never changed here.
    """
    user = user_by_phone(phone)
    if user:
        return user, False
    User = get_user_model()
    username = "p" + phone.lstrip("+")
    user = User(
        username=username,
        phone=phone,
        display_name=display_name,
        email=email,
        role=role,
        created_by=created_by if created_by is not None and created_by.pk else None,
    )
    user.set_unusable_password()
    user.save()
    return user, True


@transaction.atomic
def user_change_role(*, user, role: str, by, region_id=None) -> None:
    """Give a person another role, recording the old and the new one.

    The caller has checked that `by` may change it (national staff, or a
    region making its own never-roled person a mentor).
    """
    old = user.role
    if old == role:
        return
    user.role = role
    user.save(update_fields=["role"])
    audit.record(
        actor=by,
        action=audit.AuditAction.ROLE_CHANGED,
        target_user=user,
        region_id=region_id,
        summary=f"{old} → {role}",
        details={"old": old, "new": role},
    )


def password_setup_path(user) -> str:
    """A one-time link to set a password: valid 7 days, dead once used.

    Django's token covers the password hash and last login, so setting the
    password (or signing in) spends it; PASSWORD_RESET_TIMEOUT bounds its age.
    Staff pages hand links out through `password_link_issue`, which records it.
    """
    return reverse(
        "accounts:set_password",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )


@transaction.atomic
def password_link_issue(*, user, by, region_id=None, target=None) -> str:
    """A one-time set-password path for `user`, recorded as handed out by `by`.

    The caller has checked the rule (communities.access.can_issue_password_link).
    """
    audit.record(
        actor=by,
        action=audit.AuditAction.LINK_ISSUED,
        target_user=user,
        target=target,
        region_id=region_id,
        summary=user.phone_display or user.username,
    )
    return password_setup_path(user)


# Personal data (PDPA): export and erasure -------------------------------------


@transaction.atomic
def person_export(*, person, by) -> dict:
    """Everything held about `person`, and an audit entry saying who took it.

    The caller has checked that `by` is national staff.
    """
    from accounts import audit, selectors
    from accounts.access import person_region_id

    data = selectors.person_export_data(person)
    audit.record(
        actor=by,
        action=audit.AuditAction.PERSON_EXPORTED,
        target_user=person,
        region_id=person_region_id(person),
        summary=f"#{person.pk}",
        details={"sections": sorted(data)},
    )
    return data


def _scrub(text: str, secrets: list[str], replacement: str) -> str:
    for secret in secrets:
        text = text.replace(secret, replacement)
    return text


@transaction.atomic
def person_anonymise(*, person, by):
    """Erase a person's personal data while their group's canvases and comments stay readable.

    Names, e-mail and phone are blanked, the password made unusable, the
    account closed and its username replaced by `erased-<id>`, so every page
    that names them shows "ผู้ใช้ที่ลบข้อมูลแล้ว". Their memberships, staff post and
    notifications go; a mentor profile stays (inactive, without phone or note)
    because follow-ups and assignments hang on it. Their name and number are
    also scrubbed from audit summaries about them and from notifications they
    caused. The caller has checked that `by` is national staff and not `person`.
    """
    from django.apps import apps

    from accounts import audit
    from accounts.access import person_region_id
    from accounts.models import AuditEntry, Notification, anonymised_username
    from accounts.phones import display_phone

    User = get_user_model()
    person = User.objects.select_for_update().get(pk=person.pk)
    region_id = person_region_id(person)
    placeholder = anonymised_username(person.pk)
    secrets = [
        value
        for value in (
            person.display_name,
            person.get_full_name(),
            person.email,
            person.phone,
            display_phone(person.phone or ""),
            display_phone(person.phone or "").replace("-", ""),
            person.username,
        )
        if value and len(value) >= 3
    ]
    secrets.sort(key=len, reverse=True)

    removed = {
        "memberships": person.memberships.all().delete()[0],
        "notifications": Notification.objects.filter(recipient=person).delete()[0],
        "region_staff": apps.get_model("communities", "RegionStaff")
        .objects.filter(user=person)
        .delete()[0],
    }
    mentor = getattr(person, "mentor_profile", None)
    if mentor is not None:
        mentor.phone = ""
        mentor.note = ""
        mentor.is_active = False
        mentor.save(update_fields=["phone", "note", "is_active", "updated_at"])

    person.username = placeholder
    person.first_name = person.last_name = person.display_name = person.email = ""
    person.phone = None
    person.is_active = False
    person.is_staff = person.is_superuser = False
    person.set_unusable_password()
    person.save()

    if secrets:
        label = person.name
        for entry in AuditEntry.objects.filter(target_user=person).only("summary", "details"):
            entry.summary = _scrub(entry.summary, secrets, label)
            entry.details = _scrub_json(entry.details, secrets, label)
            entry.save(update_fields=["summary", "details"])
        for notification in Notification.objects.filter(actor=person).only("message", "data"):
            notification.message = _scrub(notification.message, secrets, label)
            notification.data = _scrub_json(notification.data, secrets, label)
            notification.save(update_fields=["message", "data"])

    audit.record(
        actor=by,
        action=audit.AuditAction.PERSON_ANONYMISED,
        target_user=person,
        region_id=region_id,
        summary=f"#{person.pk}",
        details={"removed": removed, "mentor_profile_kept": mentor is not None},
    )
    return person


def _scrub_json(value, secrets, replacement):
    if isinstance(value, str):
        return _scrub(value, secrets, replacement)
    if isinstance(value, list):
        return [_scrub_json(item, secrets, replacement) for item in value]
    if isinstance(value, dict):
        return {key: _scrub_json(item, secrets, replacement) for key, item in value.items()}
    return value
