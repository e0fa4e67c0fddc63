import sys

from django.db import connection
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from cbmc_portal.middleware import DATABASE_OUTAGE_ERRORS, database_unavailable


@never_cache
def healthz(request):
    """200 only when the database answers; for load balancers and monitors."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def floor(request):
    """The cheapest answer this server can give: the benchmark's yardstick."""
    return HttpResponse("ok\n", content_type="text/plain")


def csrf_failure(request, reason=""):
    """A form older than the session (e.g. after signing in again): ask to resend, in Thai."""
    return render(
        request,
        "csrf_failure.html",
        {"message": _("แบบฟอร์มหมดอายุ กรุณากลับไปหน้าก่อนแล้วส่งอีกครั้ง ข้อความที่พิมพ์ไว้ยังอยู่ในหน้านั้น")},
        status=403,
    )


def server_error(request):
    """handler500: a database outage raised outside a view still answers 503.

    DatabaseOutageMiddleware answers for views; an error raised by a
    middleware itself (a session saved after the database went away) ends up
    here. Renders nothing that needs the database.
    """
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_OUTAGE_ERRORS):
        return database_unavailable(request)
    return HttpResponseServerError(render_to_string("500.html"))
