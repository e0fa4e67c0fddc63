"""Refused access goes into the audit trail."""

import logging

from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.http import Http404

from accounts.models import AuditAction, AuditEntry

logger = logging.getLogger(__name__)


class AuditRefusalsMiddleware:
    """Record ACCESS_REFUSED when a view answers a signed-in user 404 or 403.

    One INSERT and nothing else: no lookup of the user's region (national staff
    read these entries). The query string is never kept, since it may carry
    tokens; a path that holds a token (the set-password link) is kept as its
    URL pattern instead. Anonymous requests are not recorded: the sign-in
    redirect already stops them, and bots would flood the table.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Http404):
            status = 404
        elif isinstance(exception, PermissionDenied):
            status = 403
        else:
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        try:
            AuditEntry.objects.create(
                actor=user,
                action=AuditAction.ACCESS_REFUSED,
                summary=f"{request.method} {_safe_path(request)}"[:300],
                details={
                    "path": _safe_path(request),
                    "method": request.method,
                    "status": status,
                },
            )
        except DatabaseError:
            # The refusal stands; only its record is lost (e.g. during an outage).
            logger.warning("Could not record a refused access", exc_info=True)
        return None


def _safe_path(request) -> str:
    match = getattr(request, "resolver_match", None)
    if match is not None and "token" in match.kwargs:
        return "/" + match.route.lstrip("/")
    return request.path[:500]
