"""gunicorn's access log without the one-time set-password tokens.

Django moves the token into the session on the first request, but that first
request is logged by gunicorn before Django sees it, so the token is cut out
here (see cbmc_portal.redaction). Switched on by gunicorn.conf.py.
"""

from gunicorn.glogging import Logger

from cbmc_portal.redaction import redact


class RedactingLogger(Logger):
    """Every access-log field (request line, path, referrer, raw URI) with tokens cut out."""

    def atoms(self, resp, req, environ, request_time):
        return {
            key: redact(value)
            for key, value in super().atoms(resp, req, environ, request_time).items()
        }
