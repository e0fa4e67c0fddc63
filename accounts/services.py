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
