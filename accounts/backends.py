from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from accounts.phones import looks_like_phone, normalize_phone


def canonical_login(login: str) -> str:
    """One spelling per account: a phone number in E.164, a username in lower case.

    Sign-in throttling counts failures under this key, so "081-234-5678" and
    "+66812345678" are one account to it, as they are to the backend below.
    """
    login = (login or "").strip()
    if looks_like_phone(login):
        phone = normalize_phone(login)
        if phone:
            return phone
    return login.lower()


def throttling_username(request, credentials=None) -> str:
    """django-axes' AXES_USERNAME_CALLABLE: the account a sign-in attempt is for."""
    login = (credentials or {}).get("username")
    if login is None:
        login = request.POST.get("username", "")
    return canonical_login(login)


def client_address(request) -> str:
    """The address a request came from, for throttling.

    Behind TRUSTED_PROXY_COUNT reverse proxies (each appending the address it
    saw to X-Forwarded-For) the client is that many entries from the right;
    anything further left was written by the client and is not trusted.
    """
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")


class SignInThrottlingBackend(AxesStandaloneBackend):
    """django-axes' lockout check, for sign-ins that come with a request.

    Every sign-in over the web (the sign-in page, the admin) passes its
    request; `authenticate()` without one is code checking a password (a test
    client's `login()`, a management command) and has no address to count.
    The library would refuse those outright; here they pass to the next backend.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


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
