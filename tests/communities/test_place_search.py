import pytest
from django.urls import reverse

from communities.selectors import search_tambons

pytestmark = pytest.mark.django_db


def _labels(result):
    return [t.place_label for t in result.tambons]


@pytest.mark.parametrize("typed", ["อ่าวลึก", "ao luek", "Ao Luek", "aoluek"])
def test_typing_ao_luek_offers_ao_luek_tai_and_its_neighbours(real_geography, typed):
    labels = _labels(search_tambons(typed))
    assert labels[0] == "อ่าวลึกใต้ › อ่าวลึก › กระบี่"
    assert "อ่าวลึกเหนือ › อ่าวลึก › กระบี่" in labels
    assert "อ่าวลึกน้อย › อ่าวลึก › กระบี่" in labels


def test_a_tambon_in_the_wrong_province_is_a_mismatch_with_the_real_matches(real_geography):
    result = search_tambons("Khuean Bang Lang, Pattani")
    assert result.mismatch
    assert result.stated_province.name_th == "ปัตตานี"
    assert _labels(result) == ["เขื่อนบางลาง › บันนังสตา › ยะลา"]


def test_thai_place_with_the_wrong_province(real_geography):
    result = search_tambons("เขื่อนบางลาง ปัตตานี")
    assert result.mismatch
    assert _labels(result) == ["เขื่อนบางลาง › บันนังสตา › ยะลา"]


def test_a_right_province_narrows_the_matches(real_geography):
    result = search_tambons("บางปู ปัตตานี")
    assert not result.mismatch
    assert _labels(result) == ["บางปู › ยะหริ่ง › ปัตตานี"]
    assert len(search_tambons("บางปู").tambons) >= 2


def test_nothing_found(real_geography):
    result = search_tambons("ไม่มีตำบลนี้แน่นอน")
    assert result.tambons == []
    assert not result.mismatch


def test_the_search_runs_a_fixed_number_of_queries(real_geography, django_assert_max_num_queries):
    search_tambons("Khuean Bang Lang, Pattani")  # warms the province-name cache
    with django_assert_max_num_queries(2):
        search_tambons("Khuean Bang Lang, Pattani")
    with django_assert_max_num_queries(1):
        search_tambons("a")


def test_the_htmx_partial_lists_choices(client, staff_south, real_geography):
    client.force_login(staff_south)
    response = client.get(
        reverse("communities:tambon_search"), {"place_query": "ao luek"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body
    assert 'value="810501"' in body


def test_the_search_page_works_without_javascript(client, staff_south, real_geography):
    client.force_login(staff_south)
    response = client.get(reverse("communities:tambon_search"), {"place_query": "อ่าวลึก"})
    assert "<html" in response.content.decode()
    assert "อ่าวลึกใต้ › อ่าวลึก › กระบี่" in response.content.decode()


def test_the_search_needs_sign_in(client):
    response = client.get(reverse("communities:tambon_search"), {"place_query": "x"})
    assert response.status_code == 302


@pytest.mark.parametrize("typed", ["\x00", "อ่าว\x00ลึก", "\x01\x7f"])
def test_control_characters_never_reach_the_database(client, staff_south, real_geography, typed):
    client.force_login(staff_south)
    response = client.get(reverse("communities:tambon_search"), {"place_query": typed})
    assert response.status_code == 200
    response = client.get(reverse("communities:group_list"), {"q": typed})
    assert response.status_code == 200
    response = client.post(
        reverse("communities:group_create"), {"name": "x", "tambon": typed, "place_query": typed}
    )
    assert response.status_code == 200
