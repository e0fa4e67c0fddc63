"""Forms of stories and photos: they validate and normalise; the services save."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from cbmc_portal.templatetags.thai_dates import be_date
from programme.models import CAPTION_MAX_CHARS, Story
from programme.photos import process_photo

# A story is plain text: an HTML tag (or comment) is refused with a clear message rather
# than stored and shown as code. A lone "<" ("ราคา < 100 บาท") is fine.
MARKUP = re.compile(r"<\s*[/!?]?\s*[a-zA-Z]")
NO_MARKUP = _("เขียนเป็นข้อความธรรมดา ไม่ใช้แท็ก HTML หรือโค้ด (เช่น <b> หรือ <script>)")


def _plain(value: str) -> str:
    if MARKUP.search(value or ""):
        raise forms.ValidationError(NO_MARKUP, code="markup")
    return value


NOT_PRESENTED_FORUM = _("เลือกได้เฉพาะเวทีที่กลุ่มนี้ร่วมนำเสนอ")


def _forum_choice(forum) -> str:
    return f"{forum.title} ({be_date(forum.held_on, 'short')})"


class StoryForm(forms.ModelForm):
    """A story's text and consent; the forum it came from is one where `group` presented."""

    def __init__(self, *args, group=None, **kwargs):
        super().__init__(*args, **kwargs)
        forums = group.forums.order_by("-held_on", "-pk") if group is not None else None
        field = self.fields["forum"]
        field.queryset = forums if forums is not None else field.queryset.none()
        field.error_messages["invalid_choice"] = NOT_PRESENTED_FORUM
        field.empty_label = _("— ไม่ได้มาจากเวทีใด —")
        field.label_from_instance = _forum_choice

    class Meta:
        model = Story
        fields = ["title", "body", "link_canvas", "forum"]
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}
        help_texts = {
            "body": _("ข้อความธรรมดา เว้นบรรทัดเพื่อขึ้นย่อหน้าใหม่"),
            "link_canvas": _(
                "เมื่อเผยแพร่ หน้าเรื่องเล่าจะลิงก์ไปยังแผนธุรกิจฉบับที่ผ่านการพิจารณาของกลุ่ม"
                " (เฉพาะเนื้อหาเก้าช่อง ไม่มีชื่อบุคคลหรือความเห็น)"
            ),
        }

    def clean_title(self):
        return _plain(self.cleaned_data["title"].strip())

    def clean_body(self):
        return _plain(self.cleaned_data["body"].strip())


class PhotoForm(forms.Form):
    """One photo and its caption; a valid form holds the re-encoded photo in `photo`."""

    image = forms.FileField(
        label=_("ภาพ"),
        help_text=_("ภาพ JPEG, PNG หรือ WebP ไม่เกิน 10 MB ระบบจะย่อภาพและลบข้อมูลตำแหน่งออก"),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        error_messages={
            "required": _("กรุณาเลือกไฟล์ภาพ"),
            "empty": _("ไฟล์ภาพว่างเปล่า กรุณาเลือกไฟล์อื่น"),
            "invalid": _("ไม่ได้รับไฟล์ภาพ กรุณาเลือกใหม่"),
        },
    )
    caption = forms.CharField(label=_("คำบรรยายภาพ"), max_length=CAPTION_MAX_CHARS, required=False)

    def clean_image(self):
        upload = self.cleaned_data["image"]
        self.photo = process_photo(upload)
        return upload

    def clean_caption(self):
        return _plain(self.cleaned_data["caption"].strip())


class PublishForm(forms.Form):
    published = forms.TypedChoiceField(
        choices=[("1", "1"), ("0", "0")], coerce=lambda value: value == "1"
    )
