from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, SetPasswordForm
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


# The largest primary key PostgreSQL's bigint holds.
MAX_ID = 2**63 - 1


class AuditFilterForm(forms.Form):
    """The audit page's filters: a person, an object (model label and id), an action, a region."""

    person = forms.IntegerField(
        label=_("บุคคล (รหัส)"), required=False, min_value=1, max_value=MAX_ID
    )
    target_type = forms.RegexField(
        label=_("ชนิดของสิ่งที่เกี่ยวข้อง"),
        regex=r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$",
        max_length=40,
        required=False,
    )
    target_id = forms.IntegerField(
        label=_("รหัสของสิ่งที่เกี่ยวข้อง"), required=False, min_value=1, max_value=MAX_ID
    )
    action = forms.ChoiceField(label=_("การกระทำ"), required=False)
    region = forms.SlugField(label=_("ภาค"), required=False, max_length=40)

    def __init__(self, *args, **kwargs):
        from accounts.models import AuditAction

        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("ทุกการกระทำ")), *AuditAction.choices]

    def clean(self):
        data = super().clean()
        if data.get("target_id") and not data.get("target_type"):
            self.add_error("target_type", _("ระบุชนิดของสิ่งที่เกี่ยวข้องด้วย"))
        return data


class AnonymiseConfirmForm(forms.Form):
    """Erasure cannot be undone: the admin ticks that they mean it."""

    confirm = forms.BooleanField(label=_("ข้าพเจ้าเข้าใจว่าการลบข้อมูลส่วนบุคคลนี้ย้อนกลับไม่ได้"), required=True)


# Django's own labels and errors on these forms are not all in its Thai catalogue
# ("The two password fields didn’t match."), so the set-password page (the first
# page a new leader sees) and the change-password page say them through ours.
PASSWORD_MISMATCH = _("รหัสผ่านทั้งสองช่องไม่ตรงกัน")
PASSWORD_INCORRECT = _("รหัสผ่านเดิมไม่ถูกต้อง กรุณาใส่อีกครั้ง")


class PortalSetPasswordForm(SetPasswordForm):
    """Set a password (the one-time link); every label, rule and error in the reader's language."""

    error_messages = {"password_mismatch": PASSWORD_MISMATCH}
    new_password1 = forms.CharField(
        label=_("รหัสผ่านใหม่"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    new_password2 = forms.CharField(
        label=_("ยืนยันรหัสผ่านใหม่"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("พิมพ์รหัสผ่านใหม่เดิมอีกครั้งเพื่อตรวจสอบ"),
    )


class PortalPasswordChangeForm(PortalSetPasswordForm, PasswordChangeForm):
    """Change one's password: the old one first, then the new one twice."""

    error_messages = {
        "password_mismatch": PASSWORD_MISMATCH,
        "password_incorrect": PASSWORD_INCORRECT,
    }
    old_password = forms.CharField(
        label=_("รหัสผ่านเดิม"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}),
    )
    field_order = ["old_password", "new_password1", "new_password2"]
