import logging

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


class QueryCountHeaderMiddleware:
    """Adds `X-DB-Queries` to every response; switched on by the benchmark only."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        response["X-DB-Queries"] = str(count)
        return response


class ThaiFirstMiddleware:
    """Thai unless the person chose English with the switch.

    Many leaders' phones are set to English; the browser's Accept-Language
    must not turn the portal English for them. Placed before LocaleMiddleware,
    which then reads only the language cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class StripNulFromQueryMiddleware:
    """Query-string values lose NUL characters before any view reads them.

    PostgreSQL refuses NUL in text, and filters and searches take their
    words from the query string; a NUL there is never something a person typed.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "%00" in request.META.get("QUERY_STRING", ""):
            cleaned = request.GET.copy()
            for key in list(cleaned):
                cleaned.setlist(key, [value.replace("\x00", "") for value in cleaned.getlist(key)])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy on pages only.

    A PDF opened in the browser is shown by its built-in viewer, which a
    page policy (`object-src 'none'`) can stop; a PDF runs no script of ours.
    """

    def process_response(self, request, response):
        if response.get("Content-Type", "").startswith("application/pdf"):
            return response
        return super().process_response(request, response)


class PrivatePagesMiddleware:
    """Nothing a signed-in person sees is kept by the browser or a proxy cache.

    Every page for a signed-in user may carry personal data (a group's people,
    a canvas, notifications), so each one is `private, no-store` unless the
    view chose its own Cache-Control; the back button after signing out on a
    shared phone then shows nothing. Static files never reach this (WhiteNoise
    answers them first). Also sets Permissions-Policy: the portal uses no
    camera, microphone, location or payment API, so no page may.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Only a user the view already loaded: asking here would cost the cheapest
        # pages two queries, and a page about someone has always loaded them.
        user = getattr(request, "_cached_user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            response["Cache-Control"] = "private, no-store"
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class DatabaseOutageMiddleware:
    """While the database is unreachable, answer 503 "try again shortly", never a 500.

    Pages get a Thai page; autosave and JSON requests get `{"state": "unavailable"}`
    so the editor keeps the text and retries. The session and user are looked
    up lazily, inside the view, so their failures arrive here too; one raised
    by a middleware itself reaches `cbmc_portal.views.server_error`, which
    answers the same. Django reconnects on the next request by itself
    (CONN_HEALTH_CHECKS), so the portal recovers without a restart.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_OUTAGE_ERRORS):
            logger.warning("database unavailable: %s", exception)
            return database_unavailable(request)
        return None


DATABASE_OUTAGE_ERRORS = (OperationalError, InterfaceError)
# Seconds a client is asked to wait before trying again.
RETRY_AFTER_SECONDS = 30


def database_unavailable(request):
    """The 503 answer while the database is down; renders nothing that needs it."""
    wants_json = request.headers.get(
        "X-Autosave"
    ) == "1" or "application/json" in request.headers.get("Accept", "")
    if wants_json:
        response = JsonResponse({"state": "unavailable"}, status=503)
    else:
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
