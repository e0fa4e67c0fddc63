"""Learning forums: who records and reads them, and what bad input gets."""

import datetime

import pytest
from django.urls import reverse

from accounts.models import AuditEntry
from programme.models import Forum
from tests import factories

pytestmark = pytest.mark.django_db

HELD_ON = datetime.date(2025, 11, 15)  # fiscal year 2569


def post_data(group_ids, tambon, **changes):
    return {
        "province": tambon.province_id,
        "title": "เวทีแลกเปลี่ยนเรียนรู้ท่องเที่ยวชุมชนอ่าวลึก",
        "held_on": HELD_ON.isoformat(),
        "tambon": tambon.code,
        "organisers": "สภาองค์กรชุมชนตำบลอ่าวลึกใต้",
        "groups": [str(pk) for pk in group_ids],
        "participants": "35",
        "notes": "แลกเปลี่ยนเส้นทางล่องคลอง",
    } | changes


def make_forum(tambon, groups, *, held_on=HELD_ON, participants=35, by=None):
    forum = Forum.objects.create(
        title="เวทีทดสอบ",
        held_on=held_on,
        tambon=tambon,
        organisers="พอช.",
        participants=participants,
        created_by=by,
    )
    forum.groups.set(groups)
    return forum


def create_url(south):
    return reverse("programme:forum_create", args=[south.slug])


def test_staff_record_a_forum_with_two_groups(client, staff_south, south, group, partner_group):
    client.force_login(staff_south)
    assert client.get(create_url(south)).status_code == 200
    response = client.post(create_url(south), post_data([group.pk, partner_group.pk], group.tambon))
    forum = Forum.objects.get()
    assert response.status_code == 302
    assert response["Location"] == forum.get_absolute_url()
    assert set(forum.groups.all()) == {group, partner_group}
    assert forum.participants == 35 and forum.created_by == staff_south
    entry = AuditEntry.objects.get(action="forum")
    assert entry.region_id == south.pk and entry.details["groups"] == sorted(
        [group.pk, partner_group.pk]
    )
    page = client.get(forum.get_absolute_url())
    assert "15 พฤศจิกายน 2568" in page.content.decode()
    assert partner_group.name in page.content.decode()


def test_a_group_of_another_region_posted_by_id_is_a_form_error(
    client, staff_south, south, group, north_group
):
    client.force_login(staff_south)
    response = client.post(create_url(south), post_data([group.pk, north_group.pk], group.tambon))
    assert response.status_code == 200
    assert "เลือกได้เฉพาะกลุ่มในภาคนี้จากรายการ" in response.content.decode()
    assert 'value="เวทีแลกเปลี่ยนเรียนรู้ท่องเที่ยวชุมชนอ่าวลึก"' in response.content.decode()
    assert not Forum.objects.exists()


def test_a_tambon_of_another_region_is_a_form_error(client, staff_south, south, group, north_group):
    client.force_login(staff_south)
    response = client.post(create_url(south), post_data([group.pk], north_group.tambon))
    assert "เลือกได้เฉพาะตำบลในภาคนี้จากรายการ" in response.content.decode()
    assert not Forum.objects.exists()


@pytest.mark.parametrize("value", ["0", "-3", "10001", "สามสิบห้า", ""])
def test_impossible_participants_are_refused_and_kept(client, staff_south, south, group, value):
    client.force_login(staff_south)
    response = client.post(
        create_url(south), post_data([group.pk], group.tambon, participants=value)
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "จำนวนผู้เข้าร่วมต้องเป็นจำนวนเต็มตั้งแต่ 1 ถึง 10,000 คน" in body or "กรุณากรอกช่องนี้" in body
    assert not Forum.objects.exists()


@pytest.mark.parametrize(
    ("held_on", "message"),
    [
        ("2999-01-01", "บันทึกได้เฉพาะเวทีที่จัดแล้ว"),
        ("1990-01-01", "วันที่เก่าเกินไป"),
        ("31/02", "วันที่ไม่ถูกต้อง"),
    ],
)
def test_impossible_dates_are_refused(client, staff_south, south, group, held_on, message):
    client.force_login(staff_south)
    response = client.post(create_url(south), post_data([group.pk], group.tambon, held_on=held_on))
    assert message in response.content.decode()
    assert not Forum.objects.exists()


def test_no_group_is_refused(client, staff_south, south, group):
    client.force_login(staff_south)
    response = client.post(create_url(south), post_data([], group.tambon))
    assert "เลือกกลุ่มที่นำเสนออย่างน้อยหนึ่งกลุ่ม" in response.content.decode()
    assert not Forum.objects.exists()


def test_showing_another_province_keeps_what_was_typed(
    client, staff_south, south, group, partner_group
):
    client.force_login(staff_south)
    data = post_data([group.pk], group.tambon, pick_province="1", title="เวทีที่ยังพิมพ์ไม่เสร็จ")
    response = client.post(create_url(south), data)
    body = response.content.decode()
    assert response.status_code == 200
    assert 'value="เวทีที่ยังพิมพ์ไม่เสร็จ"' in body
    assert f'value="{group.pk}" id="id_groups_{group.pk}" checked' in body
    assert not Forum.objects.exists()


def test_notes_are_shown_escaped(client, staff_south, south, group):
    client.force_login(staff_south)
    client.post(
        create_url(south), post_data([group.pk], group.tambon, notes="<script>alert(1)</script>")
    )
    body = client.get(Forum.objects.get().get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;" in body


def test_an_assigned_mentor_records_a_forum_of_their_group(
    client, mentor, mentor_user, south, group, partner_group
):
    client.force_login(mentor_user)
    response = client.post(create_url(south), post_data([partner_group.pk], group.tambon))
    assert "ต้องมีกลุ่มที่ท่านเป็นพี่เลี้ยงอย่างน้อยหนึ่งกลุ่มร่วมนำเสนอ" in response.content.decode()
    assert not Forum.objects.exists()
    response = client.post(create_url(south), post_data([group.pk, partner_group.pk], group.tambon))
    assert response.status_code == 302
    forum = Forum.objects.get()
    assert client.get(reverse("programme:forum_edit", args=[forum.pk])).status_code == 200


def test_who_may_record(
    client, leader, member, other_mentor_user, staff_other_region, south, group
):
    url = create_url(south)
    assert client.get(url).status_code == 302  # anonymous: to sign in
    client.force_login(leader)  # a member of a group of the region: reads its forums only
    assert client.get(url).status_code == 403
    client.force_login(member)
    assert client.post(url, post_data([group.pk], group.tambon)).status_code == 403
    for outsider in (other_mentor_user, staff_other_region):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
    assert not Forum.objects.exists()


def test_who_reads_and_edits_a_forum(
    client,
    group,
    partner_group,
    leader,
    member,
    partner_leader,
    mentor,
    mentor_user,
    other_mentor_user,
    staff_south,
    staff_other_region,
    national_staff,
):
    forum = make_forum(group.tambon, [group], by=staff_south)
    detail = reverse("programme:forum_detail", args=[forum.pk])
    edit = reverse("programme:forum_edit", args=[forum.pk])
    expected = {
        leader: (200, 403),
        member: (200, 403),
        mentor_user: (200, 403),  # assigned, but someone else recorded it
        partner_leader: (404, 404),  # did not present
        other_mentor_user: (404, 404),
        staff_other_region: (404, 404),
        staff_south: (200, 200),
        national_staff: (200, 200),
    }
    for user, (read, write) in expected.items():
        client.force_login(user)
        assert client.get(detail).status_code == read, user
        assert client.get(edit).status_code == write, user
        assert client.post(edit, {}).status_code == (write if write != 200 else 200), user
    assert Forum.objects.get().title == "เวทีทดสอบ"


def test_editing_changes_the_groups(client, staff_south, group, partner_group):
    forum = make_forum(group.tambon, [group], by=staff_south)
    client.force_login(staff_south)
    url = reverse("programme:forum_edit", args=[forum.pk])
    assert f'id="id_groups_{group.pk}" checked' in client.get(url).content.decode()
    response = client.post(url, post_data([partner_group.pk], group.tambon, participants="120"))
    assert response.status_code == 302
    forum.refresh_from_db()
    assert list(forum.groups.all()) == [partner_group] and forum.participants == 120


def test_the_region_list_filters_by_fiscal_year(client, staff_south, south, group, leader):
    make_forum(group.tambon, [group])
    make_forum(group.tambon, [group], held_on=datetime.date(2024, 12, 1))  # 2568
    url = reverse("programme:forum_list", args=[south.slug])
    client.force_login(staff_south)
    assert client.get(url, {"fiscal_year": "2569"}).context["page"].paginator.count == 1
    assert client.get(url, {"fiscal_year": ""}).context["page"].paginator.count == 2
    response = client.get(url, {"fiscal_year": "25x9"})
    assert response.status_code == 200
    assert "ปีงบประมาณต้องเป็นปี พ.ศ. ระหว่าง 2540 ถึง 2700" in response.content.decode()
    client.force_login(leader)  # a member sees the forums their group presented at
    assert client.get(url, {"fiscal_year": ""}).context["page"].paginator.count == 2


def test_the_region_list_shows_members_only_their_groups_forums(
    client, south, group, partner_group, partner_leader, staff_other_region
):
    make_forum(group.tambon, [group])
    url = reverse("programme:forum_list", args=[south.slug])
    client.force_login(partner_leader)
    response = client.get(url, {"fiscal_year": ""})
    assert response.status_code == 200 and response.context["page"].paginator.count == 0
    client.force_login(staff_other_region)
    assert client.get(url).status_code == 404
    assert client.get(reverse("programme:forum_list", args=["no-such-region"])).status_code == 404


def test_the_region_list_is_flat(client, django_assert_num_queries, staff_south, south, group):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("programme:forum_list", args=[south.slug])
    client.force_login(staff_south)
    make_forum(group.tambon, [group])
    with CaptureQueriesContext(connection) as small:
        client.get(url, {"fiscal_year": ""})
    for _ in range(30):
        make_forum(group.tambon, [group, factories.CommunityGroupFactory(tambon=group.tambon)])
    with CaptureQueriesContext(connection) as large:
        client.get(url, {"fiscal_year": ""})
    assert len(large) == len(small)


def test_a_province_of_another_region_is_a_form_error(
    client, staff_south, south, group, north_group
):
    client.force_login(staff_south)
    data = post_data([group.pk], group.tambon, province=north_group.tambon.province_id)
    response = client.post(create_url(south), data)
    assert response.status_code == 200
    assert "เลือกจังหวัดจากรายการ" in response.content.decode()
    assert not Forum.objects.exists()


@pytest.mark.parametrize("value", ["²", "๑", "-1", "1e9", "99999999999", "<b>"])
def test_odd_group_ids_are_form_errors(client, staff_south, south, group, value):
    client.force_login(staff_south)
    response = client.post(create_url(south), post_data([value], group.tambon))
    assert response.status_code == 200
    assert not Forum.objects.exists()
