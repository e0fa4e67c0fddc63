"""Forms of the programme: they validate and normalise; the services save."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from cbmc_portal.fiscal import fiscal_year_of
from programme.models import (
    NOTE_MAX_CHARS,
    PLAN_MAX_ITEMS,
    STAGE_ORDER,
    PlanItem,
    Result,
    SalesChannel,
    Stage,
)
from programme.periods import (
    FIRST_FISCAL_YEAR,
    LAST_FISCAL_YEAR,
    QUARTERS,
    WHOLE_YEAR,
    Period,
)
from programme.services import BACK, FORWARD, NOT_IN_PLAN

NEGATIVE = _("ต้องไม่ติดลบ")
NOT_A_NUMBER = _("กรอกเป็นตัวเลข เช่น 12500 หรือ 12,500.50")
TOO_BIG = _("ตัวเลขมากเกินไป")
SHARES_NOT_100 = _("ส่วนแบ่งครอบครัวและส่วนแบ่งชุมชนรวมกันต้องได้ 100 (เช่น 60:40)")
FUTURE_PERIOD = _("ช่วงเวลานี้ยังไม่เริ่ม บันทึกผลลัพธ์ได้เฉพาะช่วงที่เริ่มแล้ว")
IMPOSSIBLE_YEAR = format_lazy(
    _("ปีงบประมาณต้องเป็นปี พ.ศ. ระหว่าง {first} ถึง {last}"),
    first=FIRST_FISCAL_YEAR,
    last=LAST_FISCAL_YEAR,
)
REQUIRED = _("กรุณากรอกช่องนี้")

QUARTER_CHOICES = [(WHOLE_YEAR, _("ทั้งปี"))] + [
    (quarter, format_lazy(_("ไตรมาส {quarter}"), quarter=quarter)) for quarter in QUARTERS
]


class MoneyField(forms.DecimalField):
    """Baht as people type them: `12,500`, `12 500.50`; never negative."""

    widget = forms.TextInput  # a number input refuses the commas people type

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 14)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", Decimal(0))
        kwargs.setdefault(
            "error_messages",
            {
                "required": REQUIRED,
                "invalid": NOT_A_NUMBER,
                "min_value": NEGATIVE,
                "max_digits": TOO_BIG,
                "max_whole_digits": TOO_BIG,
                "max_decimal_places": _("ทศนิยมได้ไม่เกิน 2 ตำแหน่ง"),
            },
        )
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("inputmode", "decimal")

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace(",", "").replace(" ", "").strip()
        try:
            return super().to_python(value)
        except InvalidOperation:  # pragma: no cover - DecimalField already answers "invalid"
            raise forms.ValidationError(NOT_A_NUMBER, code="invalid") from None


def _count_field(label):
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=1_000_000,
        error_messages={
            "required": REQUIRED,
            "invalid": _("กรอกเป็นจำนวนเต็ม"),
            "min_value": NEGATIVE,
            "max_value": TOO_BIG,
        },
    )


def _share_field(label):
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=100,
        error_messages={
            "required": REQUIRED,
            "invalid": _("กรอกเป็นจำนวนเต็ม 0 ถึง 100"),
            "min_value": NEGATIVE,
            "max_value": _("ไม่เกิน 100"),
        },
    )


class PeriodForm(forms.Form):
    """A reporting period: a fiscal year in the Buddhist era and a quarter (or the whole year)."""

    fiscal_year = forms.IntegerField(
        label=_("ปีงบประมาณ (พ.ศ.)"),
        help_text=_("ปีงบประมาณเริ่ม 1 ตุลาคม เช่น ไตรมาส 1/2569 คือ ต.ค.–ธ.ค. 2568"),
        error_messages={"required": REQUIRED, "invalid": IMPOSSIBLE_YEAR},
    )
    quarter = forms.TypedChoiceField(
        label=_("ช่วงเวลา"),
        choices=QUARTER_CHOICES,
        coerce=int,
        error_messages={
            "required": REQUIRED,
            "invalid_choice": _("เลือกไตรมาส 1 ถึง 4 หรือทั้งปี"),
        },
    )

    def clean_fiscal_year(self):
        year = self.cleaned_data["fiscal_year"]
        if not FIRST_FISCAL_YEAR <= year <= LAST_FISCAL_YEAR:
            raise forms.ValidationError(IMPOSSIBLE_YEAR)
        return year

    def clean(self):
        cleaned = super().clean()
        year, quarter = cleaned.get("fiscal_year"), cleaned.get("quarter")
        if year is not None and quarter is not None:
            period = Period(year, quarter)
            if period.starts_on > timezone.localdate():
                self.add_error("quarter", FUTURE_PERIOD)
            else:
                cleaned["period"] = period
        return cleaned


class ResultForm(PeriodForm):
    """What the plan achieved in a period, as a leader types it."""

    editing = forms.BooleanField(required=False, widget=forms.HiddenInput)
    income = MoneyField(label=_("รายได้จากกิจกรรม (บาท)"))
    costs = MoneyField(label=_("ต้นทุน (บาท)"))
    members_earning = _count_field(_("สมาชิกที่มีรายได้จากกิจกรรม (คน)"))
    households_earning = _count_field(_("ครัวเรือนที่มีรายได้จากกิจกรรม"))
    new_products = forms.CharField(
        label=_("ผลิตภัณฑ์ใหม่"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    channels = forms.TypedMultipleChoiceField(
        label=_("ช่องทางขายที่เปิดได้"),
        choices=SalesChannel.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("เลือกช่องทางจากรายการ")},
    )
    channels_other = forms.CharField(label=_("ช่องทางอื่น ๆ (ระบุ)"), required=False, max_length=200)
    certifications = forms.CharField(
        label=_("มาตรฐาน/การรับรองที่ได้"),
        help_text=_("เช่น การรับรองแปลงเกษตรอินทรีย์"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    family_share = _share_field(_("ส่วนแบ่งครอบครัว (%)"))
    community_share = _share_field(_("ส่วนแบ่งชุมชน (%)"))
    household_debt = MoneyField(label=_("หนี้สินเฉลี่ยต่อครัวเรือน (บาท)"), required=False)
    household_savings = MoneyField(label=_("เงินออมเฉลี่ยต่อครัวเรือน (บาท)"), required=False)
    youth = forms.CharField(
        label=_("การมีส่วนร่วมของเยาวชน"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    resources = forms.CharField(
        label=_("การดูแลทรัพยากร"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    VALUE_FIELDS = (
        "income",
        "costs",
        "members_earning",
        "households_earning",
        "new_products",
        "channels",
        "channels_other",
        "certifications",
        "family_share",
        "community_share",
        "household_debt",
        "household_savings",
        "youth",
        "resources",
    )

    def clean(self):
        cleaned = super().clean()
        family, community = cleaned.get("family_share"), cleaned.get("community_share")
        if family is not None and community is not None and family + community != 100:
            self.add_error("community_share", SHARES_NOT_100)
        if SalesChannel.OTHER not in cleaned.get("channels", []):
            cleaned["channels_other"] = ""
        return cleaned

    @property
    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.VALUE_FIELDS}

    @classmethod
    def initial_from(cls, result: Result) -> dict:
        initial = {name: getattr(result, name) for name in cls.VALUE_FIELDS}
        initial |= {"fiscal_year": result.fiscal_year, "quarter": result.quarter, "editing": True}
        return initial


def default_period_initial() -> dict:
    today = timezone.localdate()
    year = fiscal_year_of(today)
    quarter = {10: 1, 11: 1, 12: 1, 1: 2, 2: 2, 3: 2, 4: 3, 5: 3, 6: 3}.get(today.month, 4)
    return {"fiscal_year": year, "quarter": quarter, "family_share": 60, "community_share": 40}


class StageMoveForm(forms.Form):
    direction = forms.ChoiceField(
        choices=[(FORWARD, _("ไปขั้นถัดไป")), (BACK, _("ย้อนกลับหนึ่งขั้น"))],
        widget=forms.HiddenInput,
    )
    expected = forms.ChoiceField(choices=Stage.choices, widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("หมายเหตุ"),
        help_text=_("เช่น เหตุผลที่ขยับขั้นตอน"),
        required=False,
        max_length=NOTE_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, stage=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.stage = stage
        self.fields["expected"].initial = stage

    @property
    def can_go_forward(self) -> bool:
        return STAGE_ORDER.index(self.stage) < len(STAGE_ORDER) - 1

    @property
    def can_go_back(self) -> bool:
        return STAGE_ORDER.index(self.stage) > 0


class UnconfirmForm(PeriodForm):
    note = forms.CharField(
        label=_("เหตุผลที่ยกเลิกการยืนยัน"),
        max_length=NOTE_MAX_CHARS,
        error_messages={"required": _("กรุณาบอกเหตุผลที่ยกเลิกการยืนยัน")},
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class PlanItemForm(forms.ModelForm):
    class Meta:
        model = PlanItem
        fields = ("area", "what", "who", "due_on", "status")
        widgets = {"due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        error_messages = {
            "what": {"required": _("บอกว่าจะทำอะไร")},
            "due_on": {"invalid": _("วันที่ไม่ถูกต้อง")},
        }


class BasePlanFormSet(forms.BaseModelFormSet):
    """The lines of one group's plan. A line posted as existing must be one of the
    queryset's (this group's): another group's line id, or none at all, is an error beside
    that line and above the form, rather than the line being dropped without a word."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        # The hidden id accepts any line of any plan (Django's default); clean() decides.
        form.fields[self.model._meta.pk.name].error_messages["invalid_choice"] = NOT_IN_PLAN

    def clean(self):
        super().clean()
        strangers = [form for form in self.initial_forms if form.instance.pk is None]
        for form in strangers:
            if NOT_IN_PLAN not in form.non_field_errors():
                form.add_error(None, forms.ValidationError(NOT_IN_PLAN, code="not_in_plan"))
        if strangers:
            raise forms.ValidationError(NOT_IN_PLAN, code="not_in_plan")


PlanFormSet = forms.modelformset_factory(
    PlanItem,
    form=PlanItemForm,
    formset=BasePlanFormSet,
    extra=2,
    can_delete=True,
    max_num=PLAN_MAX_ITEMS,
    validate_max=True,
    absolute_max=PLAN_MAX_ITEMS + 10,
)
