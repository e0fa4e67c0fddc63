"""Loading Thailand's official geography from the `geothai` package."""

import datetime
import re
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from cbmc_portal.text import without_control_chars
from communities.models import District, Province, Region, Tambon

# CODI's regions as shipped; staff may move provinces in the admin afterwards.
DEFAULT_REGIONS = [
    ("north", "ภาคเหนือ", "Northern", "50 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 67"),
    (
        "northeast",
        "ภาคตะวันออกเฉียงเหนือ",
        "North-eastern",
        "30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49",
    ),
    (
        "central-west",
        "ภาคกลางและตะวันตก",
        "Central and western",
        "14 15 16 17 18 19 26 70 71 72 75 76 77",
    ),
    ("east", "ภาคตะวันออก", "Eastern", "20 21 22 23 24 25 27"),
    ("bangkok", "กรุงเทพฯ และปริมณฑล", "Bangkok and vicinity", "10 11 12 13 73 74"),
    # The 14 southern provinces, from Chumphon down to Narathiwat.
    ("south", "ภาคใต้", "Southern", "80 81 82 83 84 85 86 90 91 92 93 94 95 96"),
]

_SEARCH_NOISE = re.compile(r"[\s\-'’.,()]+")
_LEVEL_WORDS = re.compile(r"^(ตำบล|แขวง|อำเภอ|เขต|จังหวัด|ต\.|อ\.|จ\.)")


def search_form(text: str) -> str:
    """Lower-case, drop spaces and punctuation: `Ao Luek` and `ao-luek` become `aoluek`."""
    text = without_control_chars(text).strip()
    return _SEARCH_NOISE.sub("", _LEVEL_WORDS.sub("", text)).lower()


def tambon_search_key(tambon_th, tambon_en, district_th, district_en, province_th, province_en):
    names = [tambon_th, tambon_en, district_th, district_en, province_th, province_en]
    return "|".join(search_form(name) for name in names)


def tambon_place(tambon: str, district: str, province: str) -> str:
    """`Tambon.place_th` or `place_en`: `อ่าวลึกใต้ › อ่าวลึก › กระบี่` in one language."""
    return f"{tambon} › {district} › {province}"


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    abolished: int = 0

    def __str__(self):
        return f"created {self.created}, updated {self.updated}, marked abolished {self.abolished}"


@transaction.atomic
def load_geography() -> dict[str, LoadReport]:
    """Create or update every province, district and tambon; running it twice changes nothing.

    An area geothai no longer lists is marked abolished, never deleted:
    groups and records that refer to it keep their place.
    """
    import geothai
    from geothai.abolished import abolished_areas

    abolished_dates = {
        area.code: datetime.date.fromisoformat(area.abolished_on) for area in abolished_areas()
    }
    regions = _ensure_default_regions()
    province_region = {
        code: regions[slug] for slug, _th, _en, codes in DEFAULT_REGIONS for code in codes.split()
    }

    provinces = geothai.provinces()
    districts = [d for p in provinces for d in geothai.districts(p.code)]
    tambons = [t for d in districts for t in geothai.subdistricts(d.code)]
    province_by_code = {p.code: p for p in provinces}
    district_by_code = {d.code: d for d in districts}

    report = {
        "provinces": _sync(
            Province,
            {p.code: {"name_th": p.name_th, "name_en": p.name_en} for p in provinces},
            abolished_dates,
            on_create=lambda row: setattr(row, "region", province_region.get(row.code)),
        ),
        "districts": _sync(
            District,
            {
                d.code: {"name_th": d.name_th, "name_en": d.name_en, "province_id": d.province_code}
                for d in districts
            },
            abolished_dates,
        ),
    }
    tambon_rows = {}
    for t in tambons:
        district = district_by_code[t.district_code]
        province = province_by_code[t.province_code]
        tambon_rows[t.code] = {
            "name_th": t.name_th,
            "name_en": t.name_en,
            "district_id": t.district_code,
            "province_id": t.province_code,
            "place_th": tambon_place(t.name_th, district.name_th, province.name_th),
            "place_en": tambon_place(t.name_en, district.name_en, province.name_en),
            "search_key": tambon_search_key(
                t.name_th,
                t.name_en,
                district.name_th,
                district.name_en,
                province.name_th,
                province.name_en,
            ),
        }
    report["tambons"] = _sync(Tambon, tambon_rows, abolished_dates)
    return report


def _ensure_default_regions() -> dict[str, Region]:
    regions = {}
    for order, (slug, name_th, name_en, _codes) in enumerate(DEFAULT_REGIONS):
        regions[slug], _created = Region.objects.get_or_create(
            slug=slug, defaults={"name_th": name_th, "name_en": name_en, "order": order}
        )
    return regions


def _sync(model, rows: dict[str, dict], abolished_dates, on_create=None) -> LoadReport:
    """Make the table hold `rows` (code → field values) in bulk."""
    report = LoadReport()
    existing = model.objects.in_bulk()
    fields = sorted({field for values in rows.values() for field in values} | {"abolished_on"})
    to_create, to_update = [], []
    for code, values in rows.items():
        row = existing.get(code)
        if row is None:
            row = model(code=code, **values)
            if on_create:
                on_create(row)
            to_create.append(row)
            continue
        values = {**values, "abolished_on": None}
        if any(getattr(row, field) != value for field, value in values.items()):
            for field, value in values.items():
                setattr(row, field, value)
            to_update.append(row)
    today = timezone.localdate()
    for code, row in existing.items():
        if code not in rows and row.abolished_on is None:
            row.abolished_on = abolished_dates.get(code, today)
            to_update.append(row)
            report.abolished += 1
    model.objects.bulk_create(to_create, batch_size=2000)
    model.objects.bulk_update(to_update, fields, batch_size=2000)
    report.created = len(to_create)
    report.updated = len(to_update) - report.abolished
    return report
