import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from cbmc_portal.templatetags.thai_dates import be_date, be_datetime, be_year
from communities.models import CommunityGroup

pytestmark = pytest.mark.django_db

DEMO_USERNAMES = {
    "leader_aoluek",
    "leader_nakha",
    "member_aoluek",
    "mentor_south",
    "mentor_other",
    "staff_south",
    "staff_north",
    "admin",
}


def test_the_leader_home_lists_their_groups_in_thai(client, leader, group):
    client.force_login(leader)
    response = client.get(reverse("home"))
    body = response.content.decode()
    assert 'lang="th"' in body
    assert "กลุ่มของฉัน" in body and group.name in body


def test_the_english_switch_changes_the_language(client, leader, group):
    client.force_login(leader)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    body = client.get(reverse("home")).content.decode()
    assert 'lang="en"' in body


def test_staff_home_goes_to_the_region_groups(client, staff_south):
    client.force_login(staff_south)
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("communities:group_list")


def test_home_needs_sign_in(client):
    assert client.get(reverse("home")).status_code == 302


def test_seed_demo_is_idempotent(real_geography, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())
    assert set(User.objects.values_list("username", flat=True)) >= DEMO_USERNAMES
    assert CommunityGroup.objects.count() == 5
    leader = User.objects.get(username="leader_aoluek")
    assert leader.check_password("cbmc-demo-2563")
    assert leader.memberships.get().group.tambon.name_en == "Ao Luek Tai"
    bang_lang = CommunityGroup.objects.get(tambon__code="950306")
    assert bang_lang.tambon.province.name_en == "Yala"


def test_seed_demo_refuses_when_debug_is_off(real_geography, settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("seed_demo")


def test_buddhist_era_dates():
    import datetime

    from django.utils import timezone

    moment = timezone.make_aware(datetime.datetime(2026, 11, 24, 3, 42))  # Bangkok time
    with translation.override("th"):
        assert be_year(2020) == 2563
        assert be_date(datetime.date(2026, 11, 24)) == "24 พฤศจิกายน 2569"
        assert be_datetime(moment) == "24 พฤศจิกายน 2569 03:42 น."
    with translation.override("en"):
        assert be_date(datetime.date(2026, 11, 24)) == "24 November 2026"


def test_a_phone_set_to_english_still_gets_thai(client, leader, group):
    client.force_login(leader)
    body = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="th"' in body
    assert "อ่าวลึกใต้ › อ่าวลึก › กระบี่" in body
