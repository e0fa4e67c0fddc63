from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from communities.forms import BuddhistYearField, ThaiPhoneField
from communities.models import CommunityGroup, Province
from mentors.models import Cohort, FollowUp, FollowUpKind, Mentor


class DateInput(forms.DateInput):
    """The phone's own date picker; the value travels as YYYY-MM-DD."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class ThaiDateField(forms.DateField):
    widget = DateInput
    default_error_messages = {"invalid": _("วันที่ไม่ถูกต้อง เลือกวันที่จากปฏิทิน")}


class CohortYearField(BuddhistYearField):
    """A cohort's year in the Buddhist era; a cohort may be planned for next year."""

    years_ahead = 1
    default_error_messages = {
        "invalid": _("กรอกปีเป็นตัวเลข พ.ศ. เช่น 2568"),
        "min_value": _("กรอกปีเป็น พ.ศ. เช่น 2568"),
        "in_future": _("ปีของรุ่นต้องไม่เกินปีหน้า"),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 2500)
        super().__init__(**kwargs)


def _check_period(form, start_field, end_field):
    start = form.cleaned_data.get(start_field)
    end = form.cleaned_data.get(end_field)
    if start and end and end < start:
        form.add_error(end_field, _("วันสิ้นสุดต้องไม่ก่อนวันเริ่ม"))


class ProvinceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class ProvincesField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class MentorForm(forms.Form):
    """A mentor's profile; on creation the phone finds (or creates) the person's account."""

    display_name = forms.CharField(
        label=_("ชื่อ-นามสกุล"),
        max_length=150,
        error_messages={"required": _("กรอกชื่อ-นามสกุลของพี่เลี้ยง")},
    )
    phone = ThaiPhoneField(
        label=_("เบอร์โทรศัพท์มือถือ"),
        max_length=20,
        error_messages={"required": _("กรอกเบอร์โทรศัพท์มือถือ")},
    )
    email = forms.EmailField(
        label=_("อีเมล (ถ้ามี)"),
        required=False,
        error_messages={"invalid": _("อีเมลไม่ถูกต้อง")},
        help_text=_("ใช้รับการแจ้งเตือนทางอีเมล"),
    )
    home_province = ProvinceChoiceField(
        label=_("จังหวัดที่อยู่"), queryset=Province.objects.none(), required=False
    )
    provinces = ProvincesField(
        label=_("จังหวัดที่ดูแล"),
        queryset=Province.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("เลือกได้เฉพาะจังหวัดในภาคนี้")},
    )
    note = forms.CharField(
        label=_("หมายเหตุ"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("เช่น ความถนัด หรือช่วงเวลาที่สะดวกลงพื้นที่"),
    )
    is_active = forms.BooleanField(label=_("ยังปฏิบัติงานอยู่"), required=False, initial=True)

    def __init__(self, *args, region, mentor: Mentor | None = None, locked=(), **kwargs):
        if mentor is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "display_name": mentor.user.display_name,
                "phone": mentor.phone or mentor.user.phone or "",
                "email": mentor.user.email,
                "home_province": mentor.home_province_id,
                "provinces": [p.pk for p in mentor.provinces.all()],
                "note": mentor.note,
                "is_active": mentor.is_active,
            }
        super().__init__(*args, **kwargs)
        self.region = region
        self.fields["home_province"].queryset = Province.objects.current().order_by("name_th")
        self.fields["provinces"].queryset = (
            Province.objects.current().filter(region=region).order_by("name_th")
        )
        if mentor is not None:
            self.fields["phone"].label = _("เบอร์ติดต่อ")
        # Fields of the person this staff member may not change: shown, never taken.
        for name in locked:
            self.fields[name].disabled = True
            self.fields[name].required = False
            self.fields[name].help_text = _("เปลี่ยนได้โดยเจ้าหน้าที่ส่วนกลางเท่านั้น")


class CohortForm(forms.ModelForm):
    year = CohortYearField(label=_("ปี (พ.ศ.)"))
    starts_on = ThaiDateField(label=_("วันเริ่ม"), required=False)
    ends_on = ThaiDateField(label=_("วันสิ้นสุด"), required=False)
    groups = forms.ModelMultipleChoiceField(
        label=_("กลุ่มที่เข้าอบรม"),
        queryset=CommunityGroup.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    mentors = forms.ModelMultipleChoiceField(
        label=_("พี่เลี้ยง"),
        queryset=Mentor.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    trainees = forms.ModelMultipleChoiceField(
        label=_("ผู้เข้าอบรมที่มีบัญชีในระบบ"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("แกนนำและสมาชิกของกลุ่มในรุ่นนี้ (บันทึกกลุ่มก่อน แล้วจึงเลือกคน)"),
    )

    class Meta:
        model = Cohort
        fields = ["name", "year", "starts_on", "ends_on", "groups", "mentors", "trainees"]
        fields += ["trained_count"]
        error_messages = {
            "name": {"required": _("กรอกชื่อรุ่น เช่น รุ่นที่ 1 ภาคใต้ 2568")},
            "trained_count": {"invalid": _("กรอกจำนวนเป็นตัวเลข")},
        }
        help_texts = {"trained_count": _("รวมผู้ที่ไม่มีบัญชีในระบบด้วย")}

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.region = region
        self.fields["year"].error_messages["required"] = _("กรอกปี พ.ศ. ของรุ่น")
        self.fields["groups"].queryset = CommunityGroup.objects.in_region(region.pk).order_by(
            "name"
        )
        self.fields["mentors"].queryset = (
            Mentor.objects.filter(region=region)
            .select_related("user")
            .order_by("user__display_name")
        )
        if self.instance.pk:
            self.fields["trainees"].queryset = (
                get_user_model()
                .objects.filter(memberships__group__cohorts=self.instance)
                .distinct()
                .order_by("display_name", "username")
            )
        else:
            del self.fields["trainees"]

    def clean(self):
        cleaned = super().clean()
        _check_period(self, "starts_on", "ends_on")
        return cleaned


class MentorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.user.name


class GroupChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.tambon.name} {obj.tambon.province.name})"


class AssignmentForm(forms.Form):
    """Assign a mentor to a group: from the group's page (pick a mentor)
    or from the mentor's page (pick a group)."""

    mentor = MentorChoiceField(
        label=_("พี่เลี้ยง"),
        queryset=Mentor.objects.none(),
        error_messages={"required": _("เลือกพี่เลี้ยง"), "invalid_choice": _("เลือกพี่เลี้ยงจากรายการ")},
    )
    group = GroupChoiceField(
        label=_("กลุ่ม"),
        queryset=CommunityGroup.objects.none(),
        error_messages={"required": _("เลือกกลุ่ม"), "invalid_choice": _("เลือกกลุ่มจากรายการ")},
    )
    starts_on = ThaiDateField(label=_("วันเริ่ม"), error_messages={"required": _("เลือกวันเริ่มดูแล")})
    ends_on = ThaiDateField(label=_("วันสิ้นสุด"), required=False, help_text=_("เว้นว่างได้ ถ้ายังไม่กำหนด"))

    def __init__(self, *args, region_id, mentor=None, group=None, **kwargs):
        kwargs.setdefault("initial", {"starts_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fixed_mentor, self.fixed_group = mentor, group
        if mentor is not None:
            del self.fields["mentor"]
            self.fields["group"].queryset = (
                CommunityGroup.objects.in_region(region_id)
                .select_related("tambon__province")
                .order_by("name")
            )
        else:
            del self.fields["group"]
            self.fields["mentor"].queryset = (
                Mentor.objects.filter(region_id=region_id, is_active=True)
                .select_related("user")
                .order_by("user__display_name")
            )

    def clean(self):
        cleaned = super().clean()
        _check_period(self, "starts_on", "ends_on")
        cleaned.setdefault("mentor", self.fixed_mentor)
        cleaned.setdefault("group", self.fixed_group)
        return cleaned


class FollowUpForm(forms.ModelForm):
    happened_on = ThaiDateField(label=_("วันที่"), error_messages={"required": _("เลือกวันที่ติดต่อกลุ่ม")})

    class Meta:
        model = FollowUp
        fields = ["happened_on", "kind", "what_was_done", "next_steps"]
        widgets = {
            "kind": forms.RadioSelect,
            "what_was_done": forms.Textarea(attrs={"rows": 4}),
            "next_steps": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "kind": {"required": _("เลือกรูปแบบการติดตาม")},
            "what_was_done": {"required": _("เล่าสั้น ๆ ว่าทำอะไรกับกลุ่มบ้าง")},
        }
        help_texts = {"next_steps": _("สิ่งที่กลุ่มและพี่เลี้ยงตกลงจะทำต่อ และเมื่อไร")}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"happened_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = FollowUpKind.choices

    def clean_happened_on(self):
        day = self.cleaned_data["happened_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("วันที่ต้องไม่เลยวันนี้"))
        return day

    def clean_what_was_done(self):
        text = self.cleaned_data["what_was_done"].strip()
        if not text:
            raise forms.ValidationError(_("เล่าสั้น ๆ ว่าทำอะไรกับกลุ่มบ้าง"))
        return text
