"""gunicorn's access log without the one-time set-password tokens.

A set-password link (`/accounts/set-password/<uidb64>/<token>/`) is as good as
the account until it is used; an access log is read by more people, and kept
longer, than the link should live. Django moves the token into the session
on the first request, but that first request is logged by gunicorn before
Django sees it, so the token is cut out here. Switched on by gunicorn.conf.py.
"""

import re

from gunicorn.glogging import Logger

# The token segment after the user id; Django's own token-free form URL
# (`.../<uidb64>/set-password/`) is left readable.
SET_PASSWORD_TOKEN = re.compile(r"(/set-password/[^/?#\s]+/)(?!set-password/)[^/?#\s]+")
REDACTED = r"\1[redacted]"


def redact(value):
    if isinstance(value, str) and "set-password/" in value:
        return SET_PASSWORD_TOKEN.sub(REDACTED, value)
    return value


class RedactingLogger(Logger):
    """Every access-log field (request line, path, referrer, raw URI) with tokens cut out."""

    def atoms(self, resp, req, environ, request_time):
        return {
            key: redact(value)
            for key, value in super().atoms(resp, req, environ, request_time).items()
        }
