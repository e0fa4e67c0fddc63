"""The dashboard's filters (kept in the URL) and the targets form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cbmc_portal.fiscal import current_fiscal_year, fiscal_year_choices
from communities.models import GroupKind, Province, Region, Sector

UNKNOWN_VALUE = _("ไม่มีตัวเลือก “%(value)s” ในตัวกรองนี้ หรือท่านไม่มีสิทธิ์ดู กรุณาเลือกใหม่")
UNKNOWN_CHOICE = {"invalid_choice": UNKNOWN_VALUE, "invalid_pk_value": UNKNOWN_VALUE}

# The columns of the table; `?sort=<column>` or `?sort=-<column>` (largest first). The
# name comes first: the table writes it apart from the figures (dashboard_tags.figure_cells).
COLUMNS = [
    ("name", _("พื้นที่")),
    ("groups", _("กลุ่ม")),
    ("tambons", _("ตำบลที่มีกลุ่ม")),
    ("tambons_total", _("ตำบลทั้งหมด")),
    ("draft", _("ฉบับร่าง")),
    ("submitted", _("รอพิจารณา")),
    ("changes_requested", _("ขอให้ปรับแก้")),
    ("approved", _("ผ่านการพิจารณา")),
    ("approved_share", _("สัดส่วนที่ผ่าน")),
    ("median_days", _("มัธยฐานวันพิจารณา")),
    ("p90_days", _("วันพิจารณา (P90)")),
    ("oldest_waiting_days", _("รอนานสุด (วัน)")),
    ("mentors", _("พี่เลี้ยงที่ดูแลอยู่")),
    ("groups_without_mentor", _("กลุ่มที่ยังไม่มีพี่เลี้ยง")),
    ("follow_ups", _("การติดตาม 90 วัน")),
    ("approved_tambons", _("ตำบลที่แผนผ่านในปีงบฯ")),
    ("target", _("เป้าหมาย (ตำบล)")),
    ("target_share", _("ร้อยละของเป้า")),
]
COLUMN_KEYS = [key for key, _label in COLUMNS]
SORT_CHOICES = [("", "")] + [
    choice for key, label in COLUMNS for choice in ((key, label), (f"-{key}", label))
]
# Figures the map can colour provinces by.
MAP_FIGURES = [
    ("groups", _("กลุ่ม")),
    ("tambons", _("ตำบลที่มีกลุ่ม")),
    ("approved", _("แผนที่ผ่านการพิจารณา")),
    ("approved_share", _("สัดส่วนแผนที่ผ่าน")),
    ("approved_tambons", _("ตำบลที่แผนผ่านในปีงบฯ")),
    ("target_share", _("ร้อยละของเป้า")),
    ("submitted", _("แผนที่รอพิจารณา")),
    ("groups_without_mentor", _("กลุ่มที่ยังไม่มีพี่เลี้ยง")),
    ("follow_ups", _("การติดตาม 90 วัน")),
]


class DashboardFilterForm(forms.Form):
    """Filters of a dashboard page. Every value is in the query string, so a view can
    be bookmarked and sent; a value that is unknown or outside the viewer's reach is a
    form error (a message on the page), never a crash."""

    region = forms.ChoiceField(label=_("ภาค"), required=False, error_messages=UNKNOWN_CHOICE)
    province = forms.ModelChoiceField(
        label=_("จังหวัด"),
        queryset=Province.objects.none(),
        required=False,
        empty_label=_("ทุกจังหวัด"),
        to_field_name="code",
        error_messages=UNKNOWN_CHOICE,
    )
    cohort = forms.ModelChoiceField(
        label=_("รุ่น"),
        queryset=None,
        required=False,
        empty_label=_("ทุกรุ่น"),
        error_messages=UNKNOWN_CHOICE,
    )
    sector = forms.ChoiceField(
        label=_("ประเภทกิจการ"),
        choices=[("", _("ทุกประเภทกิจการ")), *Sector.choices],
        required=False,
        error_messages=UNKNOWN_CHOICE,
    )
    kind = forms.ChoiceField(
        label=_("ประเภทกลุ่ม"),
        choices=[("", _("ทุกประเภทกลุ่ม")), *GroupKind.choices],
        required=False,
        error_messages=UNKNOWN_CHOICE,
    )
    fy = forms.TypedChoiceField(
        label=_("ปีงบประมาณ"), coerce=int, required=False, error_messages=UNKNOWN_CHOICE
    )
    sort = forms.ChoiceField(
        label=_("เรียงตาม"), choices=SORT_CHOICES, required=False, error_messages=UNKNOWN_CHOICE
    )
    figure = forms.ChoiceField(
        label=_("ระบายสีแผนที่ตาม"),
        choices=MAP_FIGURES,
        required=False,
        error_messages=UNKNOWN_CHOICE,
    )

    def __init__(self, data, *, regions, provinces, cohorts):
        """`regions`: the region picker's regions (None: no picker); `provinces`: the
        province filter's (None: the page is a province or smaller); `cohorts`: those the
        viewer may pick."""
        super().__init__(data)
        if regions is None:
            del self.fields["region"]
        else:
            self.fields["region"].choices = [("", _("ทั้งประเทศ"))] + [
                (region.slug, region.name) for region in regions
            ]
        if provinces is None:
            del self.fields["province"]
        else:
            self.fields["province"].queryset = provinces
        self.fields["cohort"].queryset = cohorts
        self.fields["fy"].choices = [
            (year, _("ปีงบประมาณ %(year)s") % {"year": year}) for year in fiscal_year_choices()
        ]

    def clean_fy(self):
        return self.cleaned_data.get("fy") or current_fiscal_year()

    def clean_figure(self):
        return self.cleaned_data.get("figure") or MAP_FIGURES[0][0]


class TargetsForm(forms.Form):
    """Tambon targets of one fiscal year: the country's and each region's (empty: none)."""

    def __init__(self, data=None, *, regions, initial_values: dict):
        super().__init__(data)
        self.regions = list(regions)
        self.fields["country"] = self._field(_("ทั้งประเทศ"), initial_values.get(None))
        for region in self.regions:
            self.fields[f"region_{region.pk}"] = self._field(
                region.name, initial_values.get(region.pk)
            )

    @staticmethod
    def _field(label, initial):
        return forms.IntegerField(
            label=label, min_value=0, max_value=10000, required=False, initial=initial
        )

    def values(self) -> dict:
        """{region id (None: country): tambons or None}."""
        values = {None: self.cleaned_data.get("country")}
        for region in self.regions:
            values[region.pk] = self.cleaned_data.get(f"region_{region.pk}")
        return values


def regions_for_picker():
    return Region.objects.all()
