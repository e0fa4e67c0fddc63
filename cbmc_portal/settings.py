"""Settings of the CBMC portal: one module, read from the environment.

Development: `DEBUG=1` (the Makefile sets it for `make run` and `make test`).
Production: DEBUG unset or 0, and then SECRET_KEY and ALLOWED_HOSTS must come
from the environment or the portal refuses to start.
"""

import importlib.util
from datetime import timedelta
from pathlib import Path

from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from cbmc_portal.embedded_db import embedded_database_url
from cbmc_portal.env import (
    env_bool,
    env_int,
    env_list,
    env_str,
    parse_database_url,
    required,
    secret_key,
)

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", default=False)

if DEBUG:
    SECRET_KEY = env_str("SECRET_KEY") or "dev-only-insecure-key-never-used-when-debug-is-off"
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or ["127.0.0.1", "localhost", "[::1]", "testserver"]
else:
    SECRET_KEY = secret_key("SECRET_KEY")
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
    if not ALLOWED_HOSTS:
        required("ALLOWED_HOSTS", "production must name the hosts it serves")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "axes",
    "accounts",
    "communities",
    "mentors",
    "canvases",
    "programme",
    "dashboards",
]
# The benchmark's commands (seed_national, bench_targets) live with the benchmark, which
# is not installed with the portal: listed only in development, when bench/ is at hand.
if DEBUG and importlib.util.find_spec("bench") is not None:
    INSTALLED_APPS.append("bench")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages shrink about 5× for weak mobile links; Django pads compressed
    # responses against BREACH and masks CSRF tokens per response.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # A database outage (also during the lazy session/user lookup) answers 503, not 500.
    "cbmc_portal.middleware.DatabaseOutageMiddleware",
    "cbmc_portal.middleware.ContentSecurityPolicyMiddleware",
    "cbmc_portal.middleware.ThaiFirstMiddleware",
    "cbmc_portal.middleware.StripNulFromQueryMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "canvases.middleware.AutosaveTooLargeMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.AuditRefusalsMiddleware",
    "cbmc_portal.middleware.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the Thai cool-off page.
    "axes.middleware.AxesMiddleware",
]

# The benchmark reads each response's query count from a header.
if env_bool("BENCH_QUERY_HEADER", default=False):
    MIDDLEWARE.insert(0, "cbmc_portal.middleware.QueryCountHeaderMiddleware")
# The benchmark's own pages (bench/urls.py: the signed-in floor), on only in its server.
BENCH_VIEWS = env_bool("BENCH_VIEWS", default=False) and bool(importlib.util.find_spec("bench"))

ROOT_URLCONF = "cbmc_portal.urls"
WSGI_APPLICATION = "cbmc_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.notifications",
            ],
            "builtins": ["cbmc_portal.templatetags.thai_dates"],
            "libraries": {"row_urls": "cbmc_portal.templatetags.row_urls"},
        },
    }
]

# The embedded PostgreSQL (pgserver) unless DATABASE_URL names a server.
EMBEDDED_DB_DIR = Path(env_str("EMBEDDED_DB_DIR") or BASE_DIR / ".local" / "pg")
DATABASE_URL = env_str("DATABASE_URL") or embedded_database_url(EMBEDDED_DB_DIR)
DATABASES = {"default": parse_database_url(DATABASE_URL)}
if env_str("TEST_DATABASE_NAME"):
    # Lets two test runs share one server without sharing a test database.
    DATABASES["default"]["TEST"] = {"NAME": env_str("TEST_DATABASE_NAME")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out account/address pair before any password is checked.
    "accounts.backends.SignInThrottlingBackend",
    "accounts.backends.PhoneOrUsernameBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
# A one-time link to set a password stays valid for 7 days.
PASSWORD_RESET_TIMEOUT = 7 * 24 * 60 * 60
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "accounts.validators.UserAttributeSimilarityValidator"},
    {
        "NAME": "accounts.validators.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "accounts.validators.CommonPasswordValidator"},
    {"NAME": "accounts.validators.NumericPasswordValidator"},
]
# Sign-in throttling (django-axes): failures count per account *and* address
# together. Many phones share one mobile-carrier address, so an address alone
# never locks anyone out; a guesser from one address gets 5 tries per account.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "accounts.backends.throttling_username"
AXES_CLIENT_IP_CALLABLE = "accounts.backends.client_address"
AXES_LOCKOUT_CALLABLE = "accounts.views.sign_in_locked_out"
AXES_RESET_ON_SUCCESS = True
# Successful sign-ins are not logged: the portal keeps no more about people than it needs.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
# How many reverse proxies in front of gunicorn append to X-Forwarded-For
# (0: the address gunicorn sees is the client's).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", default=0)

# The demo accounts' password; refused at sign-in when DEBUG is off.
DEMO_PASSWORD = "cbmc-demo-2563"

LANGUAGE_CODE = "th"
LANGUAGES = [("th", _("ไทย")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "staticfiles")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "CBMC Portal <noreply@localhost>")
# Where the portal is reached from outside; links in e-mails start with it.
PORTAL_BASE_URL = env_str("PORTAL_BASE_URL", "http://127.0.0.1:8000" if DEBUG else "")

SESSION_COOKIE_AGE = 30 * 24 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "cbmc_portal.views.csrf_failure"

# Production hardening; each can be relaxed from the environment, e.g. for a
# benchmark over plain HTTP on the loopback.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = 0 if DEBUG else 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): only the portal's own files, no inline
# script or style attribute, no plugins, no framing, forms post only here.
# Enforced in development too, so the browser tests prove every page works under it.
_CSP = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        # Bootstrap draws form controls with data: SVGs; the print page's QR code is one too.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
CONTENT_SECURITY_POLICY = _CSP
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_tokens": {"()": "cbmc_portal.redaction.RedactTokensFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO" if DEBUG else "WARNING"},
    # "Not Found: /path" and "Internal Server Error: /path" name the path, which
    # for a set-password link holds its one-time token.
    "loggers": {"django.request": {"filters": ["no_tokens"]}},
}

# Photos and files (stories, paper canvases) -----------------------------------------
# Uploaded photos live in the "default" storage: a folder (MEDIA_ROOT, .local/media by
# default) or, when a bucket is named, any S3-compatible store through django-storages
# (`pip install ".[s3]"`), so several app servers share them. They are never served
# from a public MEDIA_URL: a view checks who may see each photo and streams it.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / ".local" / "media")
_MEDIA_BUCKET = env_str("AWS_STORAGE_BUCKET_NAME") or env_str("MEDIA_S3_BUCKET")
if _MEDIA_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": _MEDIA_BUCKET,
            # Any S3-compatible store (MinIO, Ceph, Wasabi, ...); unset for Amazon S3.
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
            "location": env_str("MEDIA_S3_PREFIX", "media"),
            "default_acl": "private",
            "file_overwrite": False,
            "querystring_auth": True,
        },
    }
# Files above this size go to a temporary file while the request is read, not to memory;
# the photo form refuses anything above programme.photos.PHOTO_MAX_BYTES with a message.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_PERMISSIONS = 0o640
