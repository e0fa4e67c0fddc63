"""Telling people that something happened: in the portal (the bell) and by e-mail.

Other apps call `notify()` inside their own transaction; the e-mail leaves only
once that transaction commits, so a rolled-back change never sends mail.
"""

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from accounts.models import Notification

MESSAGE_LENGTH = Notification._meta.get_field("message").max_length


def is_local_url(url: str) -> bool:
    """A path inside this portal ("/groups/3/"), never another site or a scheme trick."""
    return (
        bool(url)
        and url.startswith("/")
        and not url.startswith("//")
        and "\\" not in url
        and url_has_allowed_host_and_scheme(url, allowed_hosts=None)
    )


def notify(*, recipients, message: str, url: str = "", actor=None) -> list[Notification]:
    """Notify each recipient once (the actor never hears of their own action).

    `url` must be a local path; recipients with an e-mail address also get a
    mail after the caller's transaction commits.
    """
    if url and not is_local_url(url):
        raise ValueError(f"notification links must be local paths, not {url!r}")
    message = message.strip()[:MESSAGE_LENGTH]
    people = {}
    for person in recipients:
        if person is not None and person.is_active and person != actor:
            people[person.pk] = person
    notifications = Notification.objects.bulk_create(
        Notification(recipient=person, message=message, url=url, actor=actor)
        for person in people.values()
    )
    mails = [(person.email, message, url) for person in people.values() if person.email.strip()]
    if mails:
        transaction.on_commit(lambda: _send_mails(mails))
    return notifications


def _send_mails(mails):
    base = getattr(settings, "PORTAL_BASE_URL", "") or ""
    subject_prefix = _("[แผนธุรกิจเพื่อชุมชน] ")
    messages = []
    for address, message, url in mails:
        body = message
        if url:
            body += "\n\n" + base.rstrip("/") + url
        messages.append(
            EmailMessage(
                subject=(subject_prefix + message)[:150].replace("\n", " "),
                body=body,
                to=[address],
            )
        )
    # One connection for all of them; a mail failure must not break the page.
    get_connection(fail_silently=True).send_messages(messages)


@transaction.atomic
def notification_open(*, notification: Notification) -> None:
    """Mark one notification read (opening it)."""
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])


@transaction.atomic
def notifications_mark_all_read(*, user) -> int:
    """Mark every unread notification of the user read; returns how many."""
    return Notification.objects.filter(recipient=user).unread().update(read_at=timezone.now())


def unread_count(user) -> int:
    return Notification.objects.filter(recipient=user).unread().count()
