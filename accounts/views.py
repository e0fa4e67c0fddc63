from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.translation import gettext as _


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
