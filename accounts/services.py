"""Changes to accounts."""

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.models import Role


@transaction.atomic
def user_get_or_create_by_phone(*, phone: str, display_name: str, email: str = ""):
    """The person with this phone number, created without a password if new.

    Returns (user, created). A new user sets a password through a one-time link.
    """
    User = get_user_model()
    user = User.objects.select_for_update().filter(phone=phone).first()
    if user:
        return user, False
    username = "p" + phone.lstrip("+")
    user = User(
        username=username,
        phone=phone,
        display_name=display_name,
        email=email,
        role=Role.COMMUNITY,
    )
    user.set_unusable_password()
    user.save()
    return user, True


def password_setup_path(user) -> str:
    """A one-time link to set a password: valid 7 days, dead once used.

    Django's token covers the password hash and last login, so setting the
    password (or signing in) spends it; PASSWORD_RESET_TIMEOUT bounds its age.
    """
    return reverse(
        "accounts:set_password",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
