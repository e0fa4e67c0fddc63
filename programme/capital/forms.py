"""The form of one capital item: it validates and normalises; the services save."""

import re

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from cbmc_portal.text import without_control_chars
from communities.models import (
    CAPITAL_DETAIL_MAX_CHARS,
    CAPITAL_WHAT_MAX_CHARS,
    CapitalItem,
    CapitalKind,
)

REQUIRED_WHAT = _("กรุณาบอกว่าทุนนี้คืออะไร เช่น ป่าชายเลน 300 ไร่")
REQUIRED_KIND = _("กรุณาเลือกประเภททุน")
BAD_KIND = _("กรุณาเลือกประเภททุนจากรายการ")
WHAT_TOO_LONG = format_lazy(
    _("ยาวเกิน {limit} ตัวอักษร เขียนสั้น ๆ แล้วใส่ส่วนที่เหลือในรายละเอียด"),
    limit=CAPITAL_WHAT_MAX_CHARS,
)
BAD_CHARACTER = _("ข้อความมีอักขระที่ใช้ไม่ได้ กรุณาพิมพ์ใหม่")
DETAIL_TOO_LONG = format_lazy(_("รายละเอียดยาวเกิน {limit} ตัวอักษร"), limit=CAPITAL_DETAIL_MAX_CHARS)


class CapitalItemForm(forms.ModelForm):
    class Meta:
        model = CapitalItem
        fields = ["kind", "what", "detail"]
        widgets = {"detail": forms.Textarea(attrs={"rows": 3})}
        labels = {"what": _("ทุนนี้คืออะไร"), "detail": _("รายละเอียด (ถ้ามี)")}
        help_texts = {
            "what": _("สั้น ๆ เช่น ป่าชายเลน 300 ไร่, ปราชญ์ทอผ้า, กองทุนหมู่บ้าน"),
            "detail": _("อยู่ที่ไหน ใครดูแล ใช้ทำอะไรได้"),
        }
        error_messages = {
            "kind": {"required": REQUIRED_KIND, "invalid_choice": BAD_KIND},
            "what": {
                "required": REQUIRED_WHAT,
                "max_length": WHAT_TOO_LONG,
                "null_characters_not_allowed": BAD_CHARACTER,
            },
            "detail": {
                "max_length": DETAIL_TOO_LONG,
                "null_characters_not_allowed": BAD_CHARACTER,
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("เลือกประเภททุน"))] + list(CapitalKind.choices)

    def clean_what(self):
        # One line, single spaces: it is shown as a short prompt.
        what = re.sub(r"\s+", " ", without_control_chars(self.cleaned_data["what"])).strip()
        if not what:
            raise forms.ValidationError(REQUIRED_WHAT, code="required")
        return what

    def clean_detail(self):
        return without_control_chars(self.cleaned_data["detail"], keep="\n\t").strip()
