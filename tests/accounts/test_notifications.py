import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Notification
from accounts.notifications import notify
from tests import factories

pytestmark = pytest.mark.django_db


def test_notify_reaches_each_recipient_once_and_mails_those_with_an_address(
    leader, member, mentor_user, django_capture_on_commit_callbacks
):
    leader.email = "somsak@example.org"
    leader.save()
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            recipients=[leader, member, leader, mentor_user],
            message="พี่เลี้ยงแสดงความเห็นในช่อง กลุ่มลูกค้า",
            url="/groups/1/",
            actor=mentor_user,
        )
    assert sorted(Notification.objects.values_list("recipient__username", flat=True)) == [
        "leader",
        "member",
    ]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["somsak@example.org"]
    assert "กลุ่มลูกค้า" in mail.outbox[0].subject
    assert mail.outbox[0].body.endswith("/groups/1/")


def test_no_mail_leaves_when_the_callers_transaction_rolls_back(leader):
    leader.email = "somsak@example.org"
    leader.save()
    # Inside the test's transaction on_commit never fires: nothing is sent.
    notify(recipients=[leader], message="ข้อความ", url="/")
    assert mail.outbox == []


@pytest.mark.parametrize("url", ["https://evil.example/", "//evil.example/", "javascript:x"])
def test_notify_refuses_outside_links(leader, url):
    with pytest.raises(ValueError):
        notify(recipients=[leader], message="ข้อความ", url=url)


def test_the_bell_counts_unread_notifications(client, leader):
    factories.NotificationFactory.create_batch(3, recipient=leader)
    factories.NotificationFactory(recipient=leader, read_at="2025-01-01T00:00:00Z")
    factories.NotificationFactory()  # someone else's
    client.force_login(leader)
    body = client.get(reverse("home")).content.decode()
    assert 'text-bg-warning" title="ยังไม่อ่าน">3</span>' in body


def test_the_list_shows_mine_only_newest_first_as_text(client, leader):
    factories.NotificationFactory(recipient=leader, message="เก่า")
    factories.NotificationFactory(recipient=leader, message="<b>ใหม่</b>")
    factories.NotificationFactory(message="ของคนอื่น")
    client.force_login(leader)
    body = client.get(reverse("accounts:notifications")).content.decode()
    assert "ของคนอื่น" not in body
    assert body.index("&lt;b&gt;ใหม่&lt;/b&gt;") < body.index("เก่า")


def test_opening_marks_read_and_goes_to_the_link(client, leader):
    note = factories.NotificationFactory(recipient=leader, url="/groups/7/")
    client.force_login(leader)
    response = client.get(reverse("accounts:notification_open", args=[note.pk]))
    assert response.status_code == 302 and response["Location"] == "/groups/7/"
    note.refresh_from_db()
    assert note.read_at is not None


def test_opening_a_stored_outside_link_stays_on_the_portal(client, leader):
    note = factories.NotificationFactory(recipient=leader, url="//evil.example/")
    client.force_login(leader)
    response = client.get(reverse("accounts:notification_open", args=[note.pk]))
    assert response["Location"] == reverse("accounts:notifications")


def test_someone_elses_notification_is_404(client, leader, member):
    note = factories.NotificationFactory(recipient=member)
    client.force_login(leader)
    assert client.get(reverse("accounts:notification_open", args=[note.pk])).status_code == 404
    note.refresh_from_db()
    assert note.read_at is None


def test_mark_all_read_is_a_post_and_touches_mine_only(client, leader, member):
    factories.NotificationFactory.create_batch(2, recipient=leader)
    theirs = factories.NotificationFactory(recipient=member)
    client.force_login(leader)
    url = reverse("accounts:notifications_mark_all_read")
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302
    assert not Notification.objects.filter(recipient=leader, read_at__isnull=True).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_anonymous_visitors_sign_in_first(client):
    for url in (reverse("accounts:notifications"), reverse("accounts:notification_open", args=[1])):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_list_runs_a_fixed_number_of_queries(client, leader, django_assert_max_num_queries):
    client.force_login(leader)
    counts = []
    for size in (1, 25):
        actor = factories.UserFactory()
        factories.NotificationFactory.create_batch(size, recipient=leader, actor=actor)
        with django_assert_max_num_queries(5) as captured:
            response = client.get(reverse("accounts:notifications"))
        assert response.status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]
