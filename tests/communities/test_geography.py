import datetime

import pytest
from django.db.models import F, Value
from django.db.models.functions import Concat
from django.utils import translation

from communities.geography import load_geography, search_form
from communities.models import District, Province, Region, Tambon
from tests.factories import CommunityGroupFactory

pytestmark = pytest.mark.django_db


def test_it_loads_every_area_of_thailand(real_geography):
    assert Province.objects.count() == 77
    assert District.objects.count() == 928
    assert Tambon.objects.count() == 7436
    ao_luek_tai = Tambon.objects.select_related("district", "province").get(code="810501")
    assert ao_luek_tai.place_label == "อ่าวลึกใต้ › อ่าวลึก › กระบี่"
    assert ao_luek_tai.name_en == "Ao Luek Tai"


def test_every_tambon_keeps_its_place_in_both_languages_without_a_join(real_geography):
    joined = Tambon.objects.exclude(
        place_th=Concat(
            F("name_th"), Value(" › "), F("district__name_th"), Value(" › "), F("province__name_th")
        )
    ) | Tambon.objects.exclude(
        place_en=Concat(
            F("name_en"), Value(" › "), F("district__name_en"), Value(" › "), F("province__name_en")
        )
    )
    assert not joined.exists()
    ao_luek_tai = Tambon.objects.get(code="810501")
    with translation.override("en"):
        assert ao_luek_tai.place_label == "Ao Luek Tai › Ao Luek › Krabi"


def test_running_it_again_changes_nothing(real_geography):
    before = list(Tambon.objects.order_by("code").values_list("code", "name_th", "search_key"))
    report = load_geography()
    assert all(r.created == r.updated == r.abolished == 0 for r in report.values())
    after = list(Tambon.objects.order_by("code").values_list("code", "name_th", "search_key"))
    assert before == after


def test_the_south_holds_the_fourteen_provinces_from_chumphon_to_narathiwat(real_geography):
    south = Region.objects.get(slug="south")
    names = set(south.provinces.values_list("name_en", flat=True))
    assert len(names) == 14
    assert {"Chumphon", "Narathiwat", "Krabi", "Pattani", "Yala", "Songkhla"} <= names
    assert Region.objects.count() == 6
    assert not Province.objects.filter(region__isnull=True).exists()


def test_a_region_staff_moved_a_province_to_is_kept(real_geography):
    ranong = Province.objects.get(code="85")
    north = Region.objects.get(slug="north")
    ranong.region = north
    ranong.save()
    load_geography()
    ranong.refresh_from_db()
    assert ranong.region == north


def test_an_abolished_area_is_kept_while_a_group_refers_to_it(real_geography):
    district = District.objects.get(code="8105")
    gone = Tambon.objects.create(
        code="810599",
        name_th="ตำบลที่ถูกยุบ",
        name_en="Gone",
        district=district,
        province=district.province,
    )
    group = CommunityGroupFactory(tambon=gone)
    report = load_geography()
    assert report["tambons"].abolished == 1
    gone.refresh_from_db()
    assert isinstance(gone.abolished_on, datetime.date)
    group.refresh_from_db()
    assert group.tambon_id == "810599"
    assert not Tambon.objects.current().filter(code="810599").exists()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("Ao Luek", "aoluek"), ("ao-luek", "aoluek"), ("ต.อ่าวลึกใต้", "อ่าวลึกใต้"), ("  ", "")],
)
def test_search_form(typed, expected):
    assert search_form(typed) == expected
