from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache


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
