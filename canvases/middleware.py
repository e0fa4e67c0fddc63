from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.utils.translation import gettext as _


class AutosaveTooLargeMiddleware:
    """An autosave too large to read answers 413 in JSON, not Django's 400 page.

    Runs before the CSRF check, which would otherwise be the first to read the
    body and fail on it; after LocaleMiddleware, so the message is in the
    user's language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.headers.get("X-Autosave") == "1":
            try:
                request.POST  # noqa: B018 - reading the body is the check
            except RequestDataTooBig:
                limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 1024
                message = _("ข้อความที่ส่งมายาวเกินไป (เกิน %(limit)s KB) ยังไม่ได้บันทึก") % {
                    "limit": f"{limit:,}"
                }
                return JsonResponse({"state": "too_large", "message": message}, status=413)
        return self.get_response(request)
