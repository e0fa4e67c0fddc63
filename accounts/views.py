from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import notifications
from accounts.forms import SignInForm
from accounts.models import Notification


def sign_in_locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout answer: the sign-in page again, with the cool-off said in Thai.

    Only this account from this address waits; the person can still sign in
    from another network, and everyone else behind the same address can too.
    """
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    form = SignInForm(request, initial={"username": request.POST.get("username", "")})
    context = {
        "form": form,
        "next": request.POST.get("next", ""),
        "locked_out": _(
            "ใส่รหัสผ่านผิดหลายครั้งเกินไป เพื่อความปลอดภัยจึงพักการเข้าสู่ระบบของบัญชีนี้"
            "จากเครือข่ายนี้ไว้ %(minutes)d นาที กรุณาลองใหม่เมื่อครบเวลา "
            "หากจำรหัสผ่านไม่ได้ ขอลิงก์ตั้งรหัสผ่านใหม่จากเจ้าหน้าที่ พอช. ในภาคของท่าน"
        )
        % {"minutes": minutes},
    }
    response = render(request, "accounts/login.html", context, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response


class SetPasswordView(auth_views.PasswordResetConfirmView):
    """The one-time link staff hand to a new leader (valid 7 days, single use)."""

    template_name = "accounts/set_password.html"
    success_url = reverse_lazy("accounts:password_set")
    post_reset_login = True
    post_reset_login_backend = "accounts.backends.PhoneOrUsernameBackend"


def password_set(request):
    messages.success(request, _("ตั้งรหัสผ่านเรียบร้อย ยินดีต้อนรับ"))
    return redirect("home")


@login_required
def password_changed(request):
    messages.success(request, _("เปลี่ยนรหัสผ่านเรียบร้อยแล้ว"))
    return redirect("home")


NOTIFICATIONS_PER_PAGE = 30


@login_required
def notification_list(request):
    """The signed-in person's notifications, newest first, unread ones marked."""
    notifications = Notification.objects.filter(recipient=request.user).select_related("actor")
    page = Paginator(notifications, NOTIFICATIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "accounts/notification_list.html", {"page": page})


@login_required
def notification_open(request, pk):
    """Mark it read and go where it points (a local path only); others' notifications are 404."""
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    notifications.notification_open(notification=notification)
    if notifications.is_local_url(notification.url):
        return redirect(notification.url)
    return redirect("accounts:notifications")


@login_required
@require_POST
def notifications_mark_all_read(request):
    count = notifications.notifications_mark_all_read(user=request.user)
    if count:
        messages.success(request, _("ทำเครื่องหมายว่าอ่านแล้วทั้งหมด"))
    return redirect("accounts:notifications")
