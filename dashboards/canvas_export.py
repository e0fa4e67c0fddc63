"""The canvases export: one row per canvas with its group, place, state and latest version.

Who gets which canvases is `canvases.access.canvases_visible_to` (regional
staff their region, national staff all, mentors their assigned groups); the
filters only narrow that scope. The rows come from one query that joins each
canvas's latest submitted version (number = `version_count`) and is read in
chunks, so 40,000 canvases cost one query and little memory.
"""

from django import forms
from django.db.models import F, FilteredRelation, Q
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from canvases.access import canvases_visible_to
from canvases.blocks import BLOCKS
from canvases.models import CanvasStatus
from cbmc_portal.templatetags.thai_dates import BUDDHIST_ERA_OFFSET
from communities.access import regions_managed_by, staff_region_id
from communities.models import GroupKind, Province, Region, Sector

# Rows fetched from the database per round trip while the file is written.
EXPORT_CHUNK_ROWS = 2000

_FIELDS = (
    "group__name",
    "group__kind",
    "group__sectors",
    "group__tambon__name_th",
    "group__tambon__name_en",
    "group__tambon__district__name_th",
    "group__tambon__district__name_en",
    "group__tambon__province__name_th",
    "group__tambon__province__name_en",
    "group__tambon__province__region__name_th",
    "group__tambon__province__region__name_en",
    "title",
    "status",
    "latest__number",
    "latest__submitted_at",
    "latest__blocks",
)


class CanvasExportFilterForm(forms.Form):
    """The filters of the export, from the query string; values outside the user's scope
    are invalid choices, so a forbidden region reads the same as an unknown one."""

    region = forms.ModelChoiceField(
        queryset=Region.objects.none(),
        to_field_name="slug",
        required=False,
        error_messages={"invalid_choice": gettext_lazy("ไม่พบภาคนี้ หรือภาคนี้อยู่นอกขอบเขตของท่าน")},
    )
    province = forms.ModelChoiceField(
        queryset=Province.objects.none(),
        to_field_name="code",
        required=False,
        error_messages={"invalid_choice": gettext_lazy("ไม่พบจังหวัดนี้ หรือจังหวัดนี้อยู่นอกขอบเขตของท่าน")},
    )
    status = forms.ChoiceField(
        choices=[("", "")] + CanvasStatus.choices,
        required=False,
        error_messages={"invalid_choice": gettext_lazy("ไม่มีสถานะแผนนี้")},
    )

    def __init__(self, data, *, user):
        super().__init__(data)
        self.user = user
        # A mentor's scope is already their groups: any region only narrows it.
        regions = regions_managed_by(user) if user.is_codi_staff else Region.objects.all()
        provinces = Province.objects.all()
        if user.is_regional_staff:
            region_id = staff_region_id(user)
            provinces = provinces.filter(region_id=region_id) if region_id else provinces.none()
        self.fields["region"].queryset = regions
        self.fields["province"].queryset = provinces

    def clean(self):
        data = super().clean()
        region, province = data.get("region"), data.get("province")
        if region and province and province.region_id != region.pk:
            raise forms.ValidationError(_("จังหวัดนี้ไม่อยู่ในภาคที่เลือก"), code="mismatch")
        if region is None and self.user.is_regional_staff:
            # Regional staff always export their own region: name it in the file.
            region = self.fields["region"].queryset.first()
        data["scope_region"] = region
        return data

    def error_text(self) -> str:
        return "\n".join(str(error) for errors in self.errors.values() for error in errors)

    def filters(self) -> dict[str, str]:
        """The filters applied, as plain values (for the file name and the audit trail)."""
        data = self.cleaned_data
        return {
            "region": data["scope_region"].slug if data["scope_region"] else "",
            "province": data["province"].code if data.get("province") else "",
            "status": data.get("status") or "",
        }


def canvases_for_export(user, *, region=None, province=None, status=""):
    """The user's canvases with their group, place and latest submitted version, as value tuples.

    One query: the latest version is a LEFT JOIN on (canvas, number =
    version_count), so a never-submitted canvas still has its row.
    """
    canvases = canvases_visible_to(user)
    if region is not None:
        canvases = canvases.filter(group__tambon__province__region=region)
    if province is not None:
        canvases = canvases.filter(group__tambon__province=province)
    if status:
        canvases = canvases.filter(status=status)
    return (
        canvases.alias(
            latest=FilteredRelation("versions", condition=Q(versions__number=F("version_count")))
        )
        .order_by(
            "group__tambon__province__region__order",
            "group__tambon__province_id",
            "group__tambon__district_id",
            "group__tambon_id",
            "group__name",
            "group_id",
            "title",
            "pk",
        )
        .values_list(*_FIELDS)
    )


def canvas_export_headers() -> list[str]:
    return [
        _("กลุ่ม"),
        _("ประเภทกลุ่ม"),
        _("ประเภทกิจการ"),
        _("ตำบล"),
        _("อำเภอ"),
        _("จังหวัด"),
        _("ภาค"),
        _("ชื่อแผน"),
        _("สถานะ"),
        _("ฉบับที่ส่งล่าสุด"),
        _("วันที่ส่งล่าสุด"),
        *(str(block.title) for block in BLOCKS),
    ]


def canvas_export_rows(values):
    """Rows for `exports.csv_response`/`xlsx_response` from `canvases_for_export` tuples.

    Labels and the language are read now, while the request's language is
    active: the returned generator may run after the view has returned.
    """
    kinds = {key: str(label) for key, label in GroupKind.choices}
    sectors = {key: str(label) for key, label in Sector.choices}
    statuses = {key: str(label) for key, label in CanvasStatus.choices}
    english = (get_language() or "th").startswith("en")
    block_keys = [block.key for block in BLOCKS]

    def name(thai, other):
        return other if english and other else thai

    def rows():
        for (
            group,
            kind,
            group_sectors,
            tambon_th,
            tambon_en,
            district_th,
            district_en,
            province_th,
            province_en,
            region_th,
            region_en,
            title,
            status,
            number,
            submitted_at,
            blocks,
        ) in values.iterator(chunk_size=EXPORT_CHUNK_ROWS):
            blocks = blocks or {}
            yield [
                group,
                kinds.get(kind, kind),
                ", ".join(sectors.get(sector, sector) for sector in group_sectors or ()),
                name(tambon_th, tambon_en),
                name(district_th, district_en),
                name(province_th, province_en),
                name(region_th or "", region_en),
                title,
                statuses.get(status, status),
                number,
                timezone.localdate(submitted_at) if submitted_at else None,
                *(blocks.get(key, "") for key in block_keys),
            ]

    return rows()


def canvas_export_filename(filters: dict[str, str], extension: str) -> str:
    """`canvases-south-approved-2569-12-01.csv`: the filters applied and today's
    date in the Buddhist era."""
    today = timezone.localdate()
    parts = ["canvases", *(value for value in filters.values() if value)]
    parts.append(f"{today.year + BUDDHIST_ERA_OFFSET}-{today:%m-%d}")
    return "-".join(parts) + "." + extension
