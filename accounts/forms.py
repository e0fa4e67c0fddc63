from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class SignInForm(AuthenticationForm):
    username = forms.CharField(
        label=_("เบอร์โทรศัพท์มือถือหรือชื่อผู้ใช้"),
        max_length=150,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    error_messages = {
        "invalid_login": _("เบอร์โทรศัพท์/ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง (ตัวพิมพ์เล็ก-ใหญ่ของรหัสผ่านมีผล)"),
        "inactive": _("บัญชีนี้ถูกปิดใช้งาน"),
    }
