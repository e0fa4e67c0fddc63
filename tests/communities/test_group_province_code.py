"""A group's province, kept on its own row from its tambon's code, and what reads it."""

import pytest
from django.db import IntegrityError
from django.urls import reverse

from communities.models import CommunityGroup
from communities.selectors import groups_for_list
from tests import factories


def _tambon(province_code, region, name_th):
    """Tambon 01 of district 01 of a new province."""
    province = factories.ProvinceFactory(code=province_code, name_th=name_th, region=region)
    district = factories.DistrictFactory(code=f"{province_code}01", province=province)
    return factories.TambonFactory(code=f"{province_code}0101", district=district)


def test_a_group_reads_its_province_from_its_tambon(group, ao_luek_tai):
    assert CommunityGroup.objects.get(pk=group.pk).province_code == ao_luek_tai.province_id


def test_a_group_moved_to_another_province_is_counted_there(group, north):
    chiang_mai = _tambon("50", north, "เชียงใหม่")
    group.tambon = chiang_mai
    group.save()
    assert CommunityGroup.objects.get(pk=group.pk).province_code == "50"
    assert list(CommunityGroup.objects.in_region(north.pk)) == [group]


def test_a_tambon_outside_the_province_its_code_names_is_refused(ao_luek_tai, north):
    chiang_mai = factories.ProvinceFactory(code="50", name_th="เชียงใหม่", region=north)
    with pytest.raises(IntegrityError):
        factories.TambonFactory(
            code="810599", district=ao_luek_tai.district, province=chiang_mai, name_th="ผิดที่"
        )


def test_the_list_goes_by_province_name_not_code(south, krabi, ao_luek_tai):
    # นครศรีธรรมราช has the lower code (80) and the later name than กระบี่ (81).
    nakhon = _tambon("80", south, "นครศรีธรรมราช")
    factories.CommunityGroupFactory(name="ก กลุ่มนคร", tambon=nakhon)
    factories.CommunityGroupFactory(name="ข กลุ่มกระบี่", tambon=ao_luek_tai)
    factories.CommunityGroupFactory(name="ก กลุ่มกระบี่", tambon=ao_luek_tai)
    expected = ["ก กลุ่มกระบี่", "ข กลุ่มกระบี่", "ก กลุ่มนคร"]
    assert [g.name for g in groups_for_list(region_id=south.pk)] == expected
    assert [g.name for g in groups_for_list()] == expected


def test_the_region_list_shows_only_its_groups_with_their_place(
    client, staff_south, group, north_group
):
    client.force_login(staff_south)
    page = client.get(reverse("communities:group_list")).content.decode()
    assert group.name in page and group.tambon.place_label in page
    assert north_group.name not in page
