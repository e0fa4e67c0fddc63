from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.phones import normalize_phone
from cbmc_portal.templatetags.thai_dates import BUDDHIST_ERA_OFFSET
from communities.models import CommunityGroup, MembershipRole, Sector, Tambon
from communities.selectors import search_tambons


class BuddhistYearField(forms.IntegerField):
    """A year typed in the Buddhist era (2563) and stored in the Common Era (2020)."""

    # How many years past the current one are allowed (a founding year: none).
    years_ahead = 0
    default_error_messages = {
        "invalid": _("กรอกปีเป็นตัวเลข พ.ศ. เช่น 2563"),
        "min_value": _("กรอกปีเป็น พ.ศ. เช่น 2563"),
        "in_future": _("ปีที่ก่อตั้งต้องไม่เกินปีปัจจุบัน"),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 2400)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, int) and value < 2400:
            return value + BUDDHIST_ERA_OFFSET
        return value

    def clean(self, value):
        year = super().clean(value)
        if year is None:
            return None
        if year > timezone.localdate().year + BUDDHIST_ERA_OFFSET + self.years_ahead:
            raise forms.ValidationError(self.error_messages["in_future"], code="in_future")
        return year - BUDDHIST_ERA_OFFSET


class ThaiPhoneField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if not value:
            return ""
        phone = normalize_phone(value)
        if phone is None:
            raise forms.ValidationError(
                _("เบอร์โทรศัพท์ไม่ถูกต้อง กรอกแบบ 081-234-5678"), code="invalid_phone"
            )
        return phone


class PlacePickerMixin(forms.Form):
    """One search box for the tambon, plus the chosen tambon's code.

    Without JavaScript the search button posts the form back with the
    matches listed; with htmx the matches appear as the user types.
    """

    place_query = forms.CharField(
        label=_("ค้นหาตำบล"),
        required=False,
        max_length=200,
        help_text=_("พิมพ์ชื่อตำบล อำเภอ หรือจังหวัด เช่น อ่าวลึก หรือ ao luek"),
    )
    tambon = forms.CharField(
        label=_("ตำบล"),
        max_length=6,
        required=True,
        error_messages={"required": _("เลือกตำบลจากรายการที่ค้นพบ")},
    )

    def place_search(self):
        query = (self.data.get("place_query") or "").strip() if self.is_bound else ""
        if not query:
            return None
        return search_tambons(query)

    def clean_tambon(self):
        code = self.cleaned_data["tambon"]
        tambon = Tambon.objects.select_related("district", "province").filter(code=code).first()
        if tambon is None:
            raise forms.ValidationError(_("ไม่พบตำบลนี้ เลือกจากรายการที่ค้นพบ"))
        return tambon


class GroupForm(PlacePickerMixin, forms.ModelForm):
    founded_year = BuddhistYearField(label=_("ปีที่ก่อตั้ง (พ.ศ.)"), required=False)
    contact_phone = ThaiPhoneField(label=_("เบอร์ติดต่อ"), required=False, max_length=20)
    sectors = forms.MultipleChoiceField(
        label=_("ประเภทกิจการ"),
        choices=Sector.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = CommunityGroup
        fields = [
            "name",
            "name_en",
            "kind",
            "sectors",
            "description",
            "founded_year",
            "member_count",
            "contact_phone",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    field_order = ["name", "name_en", "place_query", "tambon", "kind", "sectors"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["tambon"] = self.instance.tambon_id
        self.fields["tambon"].widget = forms.HiddenInput()

    def save(self, commit=True):
        self.instance.tambon = self.cleaned_data["tambon"]
        return super().save(commit=commit)


class GroupDescriptionForm(forms.ModelForm):
    class Meta:
        model = CommunityGroup
        fields = ["description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 8})}


class PersonForm(forms.Form):
    """Staff add a leader or member who may have no e-mail: a phone number is enough."""

    display_name = forms.CharField(label=_("ชื่อ-นามสกุล"), max_length=150)
    phone = ThaiPhoneField(label=_("เบอร์โทรศัพท์มือถือ"), max_length=20)
    email = forms.EmailField(
        label=_("อีเมล (ถ้ามี)"),
        required=False,
        error_messages={"invalid": _("อีเมลไม่ถูกต้อง")},
    )
    role = forms.ChoiceField(
        label=_("บทบาทในกลุ่ม"), choices=MembershipRole.choices, initial=MembershipRole.LEADER
    )
