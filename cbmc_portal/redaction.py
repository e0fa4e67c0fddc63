"""One-time set-password tokens cut out of anything written to a log.

A set-password link (`/accounts/set-password/<uidb64>/<token>/`) is as good as
the account until it is used; logs are read by more people, and kept longer,
than the link should live.
"""

import logging
import re

# The token segment after the user id; Django's own token-free form URL
# (`.../<uidb64>/set-password/`) is left readable.
SET_PASSWORD_TOKEN = re.compile(r"(/set-password/[^/?#\s]+/)(?!set-password/)[^/?#\s'\"]+")
REDACTED = r"\1[redacted]"


def redact(value):
    if isinstance(value, str) and "set-password/" in value:
        return SET_PASSWORD_TOKEN.sub(REDACTED, value)
    return value


class RedactTokensFilter(logging.Filter):
    """Put on a logger that names request paths (django.request: "Not Found: /…")."""

    def filter(self, record):
        message = record.getMessage()
        if "set-password/" in message:
            record.msg, record.args = redact(message), ()
        return True
