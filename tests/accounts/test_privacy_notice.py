"""The privacy notice (PDPA) is open to everyone and linked from every page."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_anyone_reads_the_notice_in_thai(client):
    response = client.get(reverse("privacy"))
    assert response.status_code == 200
    body = response.content.decode()
    for text in ("ข้อมูลที่เก็บ", "ใครเห็นเบอร์โทรศัพท์ของท่าน", "ขอสำเนาหรือขอลบข้อมูล"):
        assert text in body


def test_the_sign_in_page_links_to_it(client):
    body = client.get(reverse("accounts:login")).content.decode()
    assert f'href="{reverse("privacy")}"' in body


def test_signed_in_pages_link_to_it(client, leader):
    client.force_login(leader)
    body = client.get(reverse("accounts:notifications")).content.decode()
    assert f'href="{reverse("privacy")}"' in body
