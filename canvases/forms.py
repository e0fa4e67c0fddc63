"""Forms of the canvases app: they validate and normalise; services save."""

import uuid

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from canvases.blocks import BLOCKS, BLOCKS_BY_KEY, MAX_BLOCK_CHARS, normalise_text
from canvases.models import MAX_COMMENT_CHARS, MAX_SAVE_ID_CHARS, MAX_SUMMARY_CHARS
from canvases.subjects import MAX_TOPIC_CHARS


class BlockField(forms.CharField):
    """A block's text as typed, minus control characters (NUL among them)."""

    def __init__(self, **kwargs):
        super().__init__(required=False, strip=False, **kwargs)
        self.validators.append(
            MaxLengthValidator(
                MAX_BLOCK_CHARS,
                message=_(
                    "ยาวเกิน %(limit_value)s ตัวอักษร (ตอนนี้ %(show_value)s ตัวอักษร) "
                    "กรุณาตัดให้สั้นลง ข้อความของท่านยังอยู่ครบ"
                ),
            )
        )

    def to_python(self, value):
        return normalise_text(value)

    def widget_attrs(self, widget):
        # No maxlength attribute: the browser would cut a pasted text silently.
        return {}


def new_save_id() -> str:
    return uuid.uuid4().hex


class CanvasTitleForm(forms.Form):
    title = forms.CharField(
        label=_("ชื่อแผน (สินค้าหรือบริการ)"),
        max_length=200,
        help_text=_("เช่น มะละกอทอดกรอบ หรือ ล่องคลองมะรุย"),
    )

    def clean_title(self):
        title = normalise_text(self.cleaned_data["title"]).strip()
        if not title:
            raise forms.ValidationError(_("กรุณาตั้งชื่อแผน"))
        return title


RELOAD_MESSAGE = _("คำขอบันทึกไม่ถูกต้อง กรุณาโหลดหน้าใหม่ ข้อความของท่านยังอยู่ในเครื่องนี้")
_RELOAD_ERRORS = {
    code: RELOAD_MESSAGE
    for code in (
        "required",
        "invalid",
        "min_value",
        "max_value",
        "max_length",
        "null_characters_not_allowed",
    )
}


def _revision_field(required=True):
    return forms.IntegerField(
        required=required,
        min_value=0,
        max_value=2**31 - 1,
        widget=forms.HiddenInput,
        error_messages=_RELOAD_ERRORS,
    )


class SaveMetaForm(forms.Form):
    """The revision a save started from and the id the browser gave it."""

    base_revision = _revision_field()
    save_id = forms.RegexField(
        regex=r"^[0-9A-Za-z-]+$",
        max_length=MAX_SAVE_ID_CHARS,
        widget=forms.HiddenInput,
        error_messages=_RELOAD_ERRORS,
    )

    def save_arguments(self) -> dict:
        """Keyword arguments of `services.canvas_save_blocks` (beside canvas and by)."""
        return {
            "blocks": self.blocks(),
            "base_revision": self.cleaned_data["base_revision"],
            "save_id": self.cleaned_data["save_id"],
            "block_bases": self.block_bases(),
        }

    def block_bases(self) -> dict:
        return {}


class BlocksForm(SaveMetaForm):
    """The nine texts of the editor, and per block the revision this tab last saw it at.

    The plain form sends all nine texts and no per-block revision; the autosave
    sends only the blocks that changed, with `rev_<key>` for each block.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for block in BLOCKS:
            self.fields[block.key] = BlockField(
                label=block.title, widget=forms.Textarea(attrs={"rows": 5})
            )
            self.fields[f"rev_{block.key}"] = _revision_field(required=False)

    def blocks(self) -> dict:
        """The texts present in the request (a partial save leaves the others alone)."""
        return {b.key: self.cleaned_data[b.key] for b in BLOCKS if b.key in self.data}

    def block_bases(self) -> dict:
        bases = {b.key: self.cleaned_data.get(f"rev_{b.key}") for b in BLOCKS}
        return {key: base for key, base in bases.items() if base is not None}


PICK_CHOICES = [
    ("mine", _("ใช้ข้อความของฉัน")),
    ("theirs", _("ใช้ข้อความที่บันทึกไว้ใหม่กว่า")),
    ("edit", _("รวมเอง (แก้ข้อความด้านล่าง)")),
]


class ConflictChoiceForm(SaveMetaForm):
    """The side-by-side choice for the blocks both sides changed; nothing is pre-chosen.

    The panel sends, per block in conflict, both texts, the hand-merged text
    and the choice; the chosen text is saved over the revision shown.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.keys = [b.key for b in BLOCKS if f"mine_{b.key}" in self.data]
        for key in self.keys:
            self.fields[f"pick_{key}"] = forms.ChoiceField(
                choices=PICK_CHOICES,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("กรุณาเลือกว่าจะใช้ข้อความไหนในช่องนี้"),
                    "invalid_choice": _("กรุณาเลือกว่าจะใช้ข้อความไหนในช่องนี้"),
                },
            )
            for side in ("mine", "theirs", "edit"):
                self.fields[f"{side}_{key}"] = BlockField()
            self.fields[f"rev_{key}"] = _revision_field(required=False)

    def clean(self):
        cleaned = super().clean()
        if not self.keys:
            raise forms.ValidationError(RELOAD_MESSAGE)
        return cleaned

    def blocks(self) -> dict:
        return {
            key: self.cleaned_data[f"{self.cleaned_data[f'pick_{key}']}_{key}"] for key in self.keys
        }

    def block_bases(self) -> dict:
        # Each "theirs" was read at its row's revision: a later save to that
        # block is a new conflict, never overwritten unseen.
        bases = {key: self.cleaned_data.get(f"rev_{key}") for key in self.keys}
        return {key: base for key, base in bases.items() if base is not None}


class ReviewForm(forms.Form):
    """The decision on a version; asking for changes needs a summary saying what to change."""

    decision = forms.ChoiceField(
        label=_("ผลการพิจารณา"),
        choices=[("approve", _("ผ่านการพิจารณา")), ("request_changes", _("ขอให้ปรับแก้"))],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("กรุณาเลือกผลการพิจารณา"),
            "invalid_choice": _("กรุณาเลือกผลการพิจารณา"),
        },
    )
    summary = forms.CharField(
        label=_("ความเห็นสรุป"),
        required=False,
        max_length=MAX_SUMMARY_CHARS,
        help_text=_("ถ้าขอให้ปรับแก้ กรุณาบอกว่าควรแก้อะไร"),
        error_messages={"max_length": _("ความเห็นสรุปยาวเกิน %(limit_value)s ตัวอักษร")},
        widget=forms.Textarea({"rows": 3}),
    )
    version = forms.IntegerField(
        min_value=1,
        max_value=2**31 - 1,
        widget=forms.HiddenInput,
        error_messages={
            key: _("ไม่พบฉบับที่จะพิจารณา กรุณาโหลดหน้าใหม่")
            for key in ("required", "invalid", "min_value", "max_value")
        },
    )

    def clean_summary(self):
        return normalise_text(self.cleaned_data["summary"]).strip()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "request_changes" and cleaned.get("summary") == "":
            # The same rule as canvas_request_changes, told beside the field.
            self.add_error("summary", _("กรุณาบอกว่าควรปรับแก้อะไร"))
        return cleaned


SHOW_CHANGED, SHOW_ALL = "changed", "all"


class CompareForm(forms.Form):
    """Two version numbers, and `show`: only the blocks that changed (the default when any
    did) or all nine."""

    a = forms.IntegerField(label=_("ฉบับที่"), min_value=1, max_value=2**31 - 1)
    b = forms.IntegerField(label=_("เทียบกับฉบับที่"), min_value=1, max_value=2**31 - 1)
    show = forms.ChoiceField(
        required=False,
        choices=[(SHOW_CHANGED, _("เฉพาะช่องที่เปลี่ยน")), (SHOW_ALL, _("ครบทั้ง 9 ช่อง"))],
    )


class CommentBodyField(forms.CharField):
    """A comment as typed, minus control characters; no maxlength attribute (see BlockField)."""

    def __init__(self, **kwargs):
        super().__init__(
            label=kwargs.pop("label", _("ความเห็น")),
            widget=forms.Textarea({"rows": 3}),
            error_messages={"required": _("กรุณาเขียนความเห็นก่อนส่ง")},
            **kwargs,
        )
        self.validators.append(
            MaxLengthValidator(
                MAX_COMMENT_CHARS,
                message=_(
                    "ความเห็นยาวเกิน %(limit_value)s ตัวอักษร (ตอนนี้ %(show_value)s ตัวอักษร) กรุณาตัดให้สั้นลง"
                ),
            )
        )

    def to_python(self, value):
        return normalise_text(value).strip()

    def widget_attrs(self, widget):
        return {}


class BackMixin(forms.Form):
    """Where to go after a post: the review page of version `back`, or the editor when empty.

    A number, never a URL, so a form cannot send anyone off the portal.
    """

    back = forms.IntegerField(
        required=False, min_value=1, max_value=2**31 - 1, widget=forms.HiddenInput
    )


class CommentForm(forms.Form):
    """A new thread on one block of one version (the version by its id)."""

    version = forms.IntegerField(min_value=1, max_value=2**63 - 1, widget=forms.HiddenInput)
    block = forms.CharField(
        max_length=40,
        widget=forms.HiddenInput,
        error_messages={
            "required": _("ไม่มีช่องนี้ในแผน"),
            "max_length": _("ไม่มีช่องนี้ในแผน"),
        },
    )
    body = CommentBodyField(label=_("ความเห็นในช่องนี้"))

    def clean_block(self):
        block = self.cleaned_data["block"]
        if block not in BLOCKS_BY_KEY:
            raise forms.ValidationError(_("ไม่มีช่องนี้ในแผน"))
        return block


class ReplyForm(BackMixin):
    body = CommentBodyField(label=_("ตอบ"))


class CommentEditForm(forms.Form):
    body = CommentBodyField(label=_("แก้ไขความเห็น"))


class SubjectCommentForm(forms.Form):
    """A new thread on one topic of another subject than a block (canvases.subjects);
    the service checks the topic against the subject's kind."""

    topic = forms.CharField(max_length=MAX_TOPIC_CHARS, required=False, widget=forms.HiddenInput)
    body = CommentBodyField(label=_("ความเห็น"))
