"""A tambon's community capital: the form, the services and the reads the pages use."""

import pytest
from django.core.exceptions import ValidationError

from accounts.models import AuditAction, AuditEntry
from communities import selectors, services
from communities.access import leads_group_in_tambon
from communities.models import (
    CAPITAL_DETAIL_MAX_CHARS,
    CAPITAL_ITEMS_PER_TAMBON,
    CAPITAL_WHAT_MAX_CHARS,
    CapitalItem,
    CapitalKind,
)
from programme.capital.forms import CapitalItemForm
from tests import factories

pytestmark = pytest.mark.django_db


def _form(**data):
    return CapitalItemForm({"kind": "nature", "what": "ป่าชายเลน", "detail": "", **data})


# The form ------------------------------------------------------------------------


def test_the_form_normalises_the_short_text():
    form = _form(what="  ป่าชายเลน\n 300\x07 ไร่  ", detail="  ริมคลอง\nมะรุย\x07  ")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["what"] == "ป่าชายเลน 300 ไร่"
    assert form.cleaned_data["detail"] == "ริมคลอง\nมะรุย"


@pytest.mark.parametrize(
    "data,field,message",
    [
        ({"what": ""}, "what", "กรุณาบอกว่าทุนนี้คืออะไร"),
        ({"what": " \x07 "}, "what", "กรุณาบอกว่าทุนนี้คืออะไร"),
        ({"what": "ป่า\x00"}, "what", "อักขระที่ใช้ไม่ได้"),
        ({"what": "ก" * (CAPITAL_WHAT_MAX_CHARS + 1)}, "what", "ยาวเกิน"),
        ({"detail": "ก" * (CAPITAL_DETAIL_MAX_CHARS + 1)}, "detail", "รายละเอียดยาวเกิน"),
        ({"kind": ""}, "kind", "กรุณาเลือกประเภททุน"),
        ({"kind": "gold"}, "kind", "กรุณาเลือกประเภททุนจากรายการ"),
    ],
)
def test_the_form_refuses_bad_input_in_thai(data, field, message):
    form = _form(**data)
    assert not form.is_valid()
    assert message in " ".join(form.errors[field])


def test_the_longest_texts_pass():
    form = _form(what="ก" * CAPITAL_WHAT_MAX_CHARS, detail="ข" * CAPITAL_DETAIL_MAX_CHARS)
    assert form.is_valid(), form.errors


# The services ----------------------------------------------------------------------


def test_adding_an_item_records_who_and_audits_it(ao_luek_tai, leader, south):
    item = services.capital_item_add(
        tambon=ao_luek_tai, by=leader, kind=CapitalKind.NATURE, what="คลองมะรุย", detail="ยาว 5 กม."
    )
    assert item.added_by == leader and item.tambon == ao_luek_tai
    entry = AuditEntry.objects.get(action=AuditAction.TAMBON_CAPITAL)
    assert entry.actor == leader and entry.region_id == south.pk
    assert entry.target_id == item.pk and entry.summary == "คลองมะรุย"
    assert entry.details == {"tambon": ao_luek_tai.code, "kind": "nature", "change": "added"}


def test_a_full_inventory_refuses_one_more(ao_luek_tai, leader):
    factories.CapitalItemFactory.create_batch(CAPITAL_ITEMS_PER_TAMBON, tambon=ao_luek_tai)
    with pytest.raises(ValidationError) as error:
        services.capital_item_add(tambon=ao_luek_tai, by=leader, kind="money", what="กองทุน")
    assert error.value.code == "full"
    assert str(CAPITAL_ITEMS_PER_TAMBON) in error.value.messages[0]
    assert CapitalItem.objects.filter(tambon=ao_luek_tai).count() == CAPITAL_ITEMS_PER_TAMBON
    assert not AuditEntry.objects.filter(action=AuditAction.TAMBON_CAPITAL).exists()


def test_the_limit_counts_per_tambon(ao_luek_tai, leader, krabi):
    other = factories.TambonFactory(district=factories.DistrictFactory(province=krabi))
    factories.CapitalItemFactory.create_batch(CAPITAL_ITEMS_PER_TAMBON, tambon=other)
    services.capital_item_add(tambon=ao_luek_tai, by=leader, kind="money", what="กองทุน")


def test_updating_keeps_who_added_it(ao_luek_tai, leader, staff_south):
    item = factories.CapitalItemFactory(tambon=ao_luek_tai, added_by=leader)
    services.capital_item_update(
        item=item, by=staff_south, kind=CapitalKind.CULTURE, what="ประเพณี", detail="ทุกปี"
    )
    item.refresh_from_db()
    assert (item.kind, item.what, item.detail, item.added_by) == (
        "culture",
        "ประเพณี",
        "ทุกปี",
        leader,
    )
    entry = AuditEntry.objects.get(action=AuditAction.TAMBON_CAPITAL)
    assert entry.actor == staff_south and entry.details["change"] == "updated"


def test_removing_keeps_what_it_said_in_the_audit(ao_luek_tai, leader):
    item = factories.CapitalItemFactory(tambon=ao_luek_tai, what="ท่าเรือเก่า")
    pk = item.pk
    services.capital_item_delete(item=item, by=leader)
    assert not CapitalItem.objects.filter(pk=pk).exists()
    entry = AuditEntry.objects.get(action=AuditAction.TAMBON_CAPITAL)
    assert (entry.target_id, entry.summary, entry.details["change"]) == (pk, "ท่าเรือเก่า", "removed")


# Reads ----------------------------------------------------------------------------


def test_the_inventory_is_grouped_in_the_order_of_the_kinds(ao_luek_tai):
    money = factories.CapitalItemFactory(tambon=ao_luek_tai, kind="money")
    nature = factories.CapitalItemFactory(tambon=ao_luek_tai, kind="nature")
    kinds = selectors.capital_by_kind(ao_luek_tai)
    assert [k["kind"] for k in kinds] == CapitalKind.values
    assert kinds[0]["items"] == [nature] and kinds[-1]["items"] == [money]
    assert all(k["items"] == [] for k in kinds[1:-1])


def test_the_prompts_cap_each_kind_and_count_the_rest(ao_luek_tai, django_assert_num_queries):
    for n in range(7):
        factories.CapitalItemFactory(tambon=ao_luek_tai, kind="people", what=f"คน{n}")
    factories.CapitalItemFactory(tambon=ao_luek_tai, kind="nature", what="คลอง")
    with django_assert_num_queries(1):
        prompts = selectors.capital_prompts(ao_luek_tai.code, per_kind=5)
    assert prompts["total"] == 8
    assert [(k["kind"], k["items"], k["more"]) for k in prompts["kinds"]] == [
        ("nature", ["คลอง"], 0),
        ("people", [f"คน{n}" for n in range(5)], 2),
    ]


def test_no_prompts_for_an_empty_tambon(ao_luek_tai):
    assert selectors.capital_prompts(ao_luek_tai.code) == {"kinds": [], "total": 0}


def test_leads_group_in_tambon(ao_luek_tai, leader, member, outsider):
    assert leads_group_in_tambon(leader, ao_luek_tai)
    assert not leads_group_in_tambon(member, ao_luek_tai)
    assert not leads_group_in_tambon(outsider, ao_luek_tai)


def test_the_demo_tambon_gets_its_capital_once(ao_luek_tai, leader):
    from communities.demo import DEMO_CAPITAL, seed_capital

    seed_capital(added_by=leader)
    seed_capital(added_by=leader)
    assert CapitalItem.objects.filter(tambon=ao_luek_tai).count() == len(DEMO_CAPITAL)
    assert {item.kind for item in CapitalItem.objects.all()} == set(CapitalKind.values)
