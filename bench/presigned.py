"""Sessions made in the database for simulated leaders, as if each had signed in earlier.

    python -m bench.presigned <logins.json>   (prints {login: {"sessionid": ..., "csrftoken": ...}})

The capacity run starts hundreds of leaders at once; signing each in through
the form would spend the two cores on password hashing (PBKDF2, deliberately
slow) instead of on the autosaves being measured, and real leaders signed in
long before they type. Run with the benchmark server's environment: the
session's auth hash is keyed by its SECRET_KEY.
"""

import json
import os
import secrets
import string
import sys
from pathlib import Path

CSRF_ALPHABET = string.ascii_letters + string.digits


def presign(logins: list[str]) -> dict:
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore

    backend = settings.AUTHENTICATION_BACKENDS[-1]
    users = get_user_model().objects.in_bulk(logins, field_name="username")
    cookies = {}
    for login in logins:
        user = users[login]
        session = SessionStore()
        session[SESSION_KEY] = user._meta.pk.value_to_string(user)
        session[BACKEND_SESSION_KEY] = backend
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        cookies[login] = {
            settings.SESSION_COOKIE_NAME: session.session_key,
            # An unmasked CSRF secret (32 characters) is a valid cookie and header value.
            settings.CSRF_COOKIE_NAME: "".join(secrets.choice(CSRF_ALPHABET) for _ in range(32)),
        }
    return cookies


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python -m bench.presigned <logins.json>")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cbmc_portal.settings")
    import django

    django.setup()
    print(json.dumps(presign(json.loads(Path(sys.argv[1]).read_text()))))
