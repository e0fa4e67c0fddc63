"""Forms of learning forums and of links between groups: they validate and normalise.

The groups and tambons a form accepts are given by the view (from programme.access), so a
group or tambon of another region posted by id is a field error, never stored.
"""

from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from communities.models import LINK_NOTE_MAX_CHARS, CommunityGroup, LinkKind, Province, Tambon
from programme.models import FORUM_MAX_GROUPS, FORUM_MAX_PARTICIPANTS, FORUM_NOTES_MAX_CHARS, Forum
from programme.periods import FIRST_FISCAL_YEAR, LAST_FISCAL_YEAR, Period

REQUIRED = _("กรุณากรอกช่องนี้")
TOO_LONG = _("ยาวได้ไม่เกิน %(limit_value)d ตัวอักษร (ตอนนี้ %(show_value)d)")
NOT_IN_REGION_GROUP = _("เลือกได้เฉพาะกลุ่มในภาคนี้จากรายการ")
NOT_IN_REGION_TAMBON = _("เลือกได้เฉพาะตำบลในภาคนี้จากรายการ")
NO_OWN_GROUP = _("ต้องมีกลุ่มที่ท่านเป็นพี่เลี้ยงอย่างน้อยหนึ่งกลุ่มร่วมนำเสนอ")
TOO_MANY_GROUPS = format_lazy(_("เลือกกลุ่มได้ไม่เกิน {max} กลุ่ม"), max=FORUM_MAX_GROUPS)
FUTURE_FORUM = _("บันทึกได้เฉพาะเวทีที่จัดแล้ว (วันที่ต้องไม่เกินวันนี้)")
TOO_OLD = _("วันที่เก่าเกินไป กรุณาตรวจสอบปี")
PARTICIPANTS_RANGE = format_lazy(
    _("จำนวนผู้เข้าร่วมต้องเป็นจำนวนเต็มตั้งแต่ 1 ถึง {max} คน"), max=f"{FORUM_MAX_PARTICIPANTS:,}"
)
OTHER_GROUP_INVALID = _("เลือกกลุ่มคู่เครือข่ายจากรายการ")
IMPOSSIBLE_YEAR = format_lazy(
    _("ปีงบประมาณต้องเป็นปี พ.ศ. ระหว่าง {first} ถึง {last}"),
    first=FIRST_FISCAL_YEAR,
    last=LAST_FISCAL_YEAR,
)


class _GroupChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, group):
        return f"{group.name} ({group.tambon.name} › {group.tambon.province.name})"


class ForumForm(forms.ModelForm):
    """A forum of one region. `tambons` and `groups` are what may be chosen (the region's);
    `offered_groups` and `offered_tambons` what the page lists (one province at a time, so
    the page stays small); `mentor_groups`, for a mentor, the groups of which one must be
    among the presenters."""

    tambon = forms.ModelChoiceField(
        label=_("ตำบลที่จัด"),
        queryset=Tambon.objects.none(),
        to_field_name="code",
        error_messages={"required": REQUIRED, "invalid_choice": NOT_IN_REGION_TAMBON},
    )
    groups = _GroupChoiceField(
        label=_("กลุ่มที่นำเสนอ"),
        queryset=CommunityGroup.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("เลือกกลุ่มที่นำเสนออย่างน้อยหนึ่งกลุ่ม"),
            "invalid_choice": NOT_IN_REGION_GROUP,
            "invalid_pk_value": NOT_IN_REGION_GROUP,
        },
    )
    participants = forms.IntegerField(
        label=_("จำนวนผู้เข้าร่วม (คน)"),
        min_value=1,
        max_value=FORUM_MAX_PARTICIPANTS,
        help_text=_("เช่น 35"),
        error_messages={
            "required": REQUIRED,
            "invalid": PARTICIPANTS_RANGE,
            "min_value": PARTICIPANTS_RANGE,
            "max_value": PARTICIPANTS_RANGE,
        },
    )

    class Meta:
        model = Forum
        fields = ("title", "held_on", "tambon", "organisers", "groups", "participants", "notes")
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 5, "maxlength": FORUM_NOTES_MAX_CHARS}),
        }
        help_texts = {
            "organisers": _("เช่น สภาองค์กรชุมชนตำบลอ่าวลึกใต้ ร่วมกับ พอช. ภาคใต้"),
            "held_on": _("วันที่จัดเวที (ปฏิทินแสดงตามเครื่อง บันทึกเป็นวันที่เดียวกัน)"),
        }
        error_messages = {
            "title": {"required": REQUIRED, "max_length": TOO_LONG},
            "organisers": {"required": REQUIRED, "max_length": TOO_LONG},
            "notes": {"max_length": TOO_LONG},
            "held_on": {"required": REQUIRED, "invalid": _("วันที่ไม่ถูกต้อง")},
        }

    def __init__(self, *args, tambons, groups, offered_tambons=(), mentor_groups=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tambon"].queryset = tambons
        # The select lists one province's tambons at a time; the queryset above validates.
        self.fields["tambon"].choices = [("", "---------")] + [
            (tambon.code, f"{tambon.name} › {tambon.district.name}") for tambon in offered_tambons
        ]
        self.fields["groups"].queryset = groups
        self.mentor_groups = mentor_groups
        if self.instance.pk and not self.is_bound:
            self.initial["tambon"] = self.instance.tambon_id

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on > timezone.localdate():
            raise forms.ValidationError(FUTURE_FORUM)
        if held_on < Period(FIRST_FISCAL_YEAR, 0).starts_on:
            raise forms.ValidationError(TOO_OLD)
        return held_on

    def clean_groups(self):
        groups = self.cleaned_data["groups"]
        if len(groups) > FORUM_MAX_GROUPS:
            raise forms.ValidationError(TOO_MANY_GROUPS)
        if self.mentor_groups is not None:
            mine = set(self.mentor_groups.values_list("pk", flat=True))
            if not mine & {group.pk for group in groups}:
                raise forms.ValidationError(NO_OWN_GROUP)
        return groups

    @property
    def values(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in ("title", "held_on", "tambon", "organisers", "participants", "notes")
        }

    def chosen_group_ids(self) -> set[str]:
        """The ids ticked (as typed), to keep them ticked when the page is shown again."""
        value = self["groups"].value() or []
        return {str(item) for item in value}


class ProvinceFilterForm(forms.Form):
    """Which province's tambons and groups a form lists (GET, no JavaScript needed)."""

    province = forms.ModelChoiceField(
        label=_("จังหวัด"),
        queryset=Province.objects.none(),
        required=False,
        empty_label=None,
        error_messages={"invalid_choice": _("เลือกจังหวัดจากรายการ")},
    )

    def __init__(self, *args, provinces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = provinces


class FiscalYearFilterForm(forms.Form):
    fiscal_year = forms.IntegerField(
        label=_("ปีงบประมาณ (พ.ศ.)"),
        required=False,
        min_value=FIRST_FISCAL_YEAR,
        max_value=LAST_FISCAL_YEAR,
        error_messages={
            "invalid": IMPOSSIBLE_YEAR,
            "min_value": IMPOSSIBLE_YEAR,
            "max_value": IMPOSSIBLE_YEAR,
        },
    )


class GroupLinkForm(forms.Form):
    """Link the page's group to another one; `others` are the groups that may be chosen."""

    other = forms.ModelChoiceField(
        label=_("กลุ่มคู่เครือข่าย"),
        queryset=CommunityGroup.objects.none(),
        error_messages={"required": OTHER_GROUP_INVALID, "invalid_choice": OTHER_GROUP_INVALID},
    )
    kind = forms.ChoiceField(
        label=_("ลักษณะความร่วมมือ"),
        choices=LinkKind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("เลือกลักษณะความร่วมมือ"),
            "invalid_choice": _("เลือกลักษณะความร่วมมือจากรายการ"),
        },
    )
    note = forms.CharField(
        label=_("หมายเหตุ"),
        required=False,
        max_length=LINK_NOTE_MAX_CHARS,
        help_text=_("เช่น ส่งกล้วยให้กลุ่มแปรรูปทุกเดือน"),
        error_messages={"max_length": TOO_LONG},
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, others, offered, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other"].queryset = others
        # The select lists one province's groups at a time; the queryset above validates.
        self.fields["other"].choices = [("", "---------")] + [
            (group.pk, f"{group.name} ({group.tambon.name})") for group in offered
        ]
