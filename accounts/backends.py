from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from accounts.phones import looks_like_phone, normalize_phone


class PhoneOrUsernameBackend(ModelBackend):
    """Sign in with a Thai mobile number (any common spelling) or a username."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or password is None:
            return None
        if not settings.DEBUG and password == settings.DEMO_PASSWORD:
            return None
        user = self._find_user(username)
        if user is None:
            # Spend the same time as a real check, so timing tells nothing.
            get_user_model()().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    def _find_user(self, login: str):
        users = get_user_model()._default_manager
        if looks_like_phone(login):
            phone = normalize_phone(login)
            if phone:
                return users.filter(phone=phone).first()
        return users.filter(username__iexact=login.strip()).first()
