"""Telling people that something happened: in the portal (the bell) and by e-mail.

Other apps call `notify()` inside their own transaction; the e-mail leaves only
once that transaction commits, so a rolled-back change never sends mail. A
notification keeps its event and data, and is put into words when it is read
(the bell's list) or mailed, in the reader's language.
"""

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from accounts.models import (
    EVENT_SENTENCES,
    NOTIFICATION_TEXT_CHARS,
    Notification,
    NotificationEvent,
)

# What callers name: notify(event=Event.CANVAS_SUBMITTED, ...).
Event = NotificationEvent


def is_local_url(url: str) -> bool:
    """A path inside this portal ("/groups/3/"), never another site or a scheme trick."""
    return (
        bool(url)
        and url.startswith("/")
        and not url.startswith("//")
        and "\\" not in url
        and url_has_allowed_host_and_scheme(url, allowed_hosts=None)
    )


def in_each_language(text) -> dict[str, str]:
    """A translatable label (a block's title, a role) in every language of the portal,
    for a notification's data: its reader may read another language than its writer."""
    said = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            said[code] = str(text)
    return said


def notify(
    *, recipients, event: str, data: dict | None = None, url: str = "", actor=None
) -> list[Notification]:
    """Notify each recipient once of `event` (the actor never hears of their own action).

    `data` fills the event's sentence (models.EVENT_SENTENCES): plain values, or
    `in_each_language(...)` for labels. `url` must be a local path; recipients with
    an e-mail address also get a mail, in their language, after the caller's
    transaction commits.
    """
    if event not in EVENT_SENTENCES:
        raise ValueError(f"unknown notification event {event!r}")
    if url and not is_local_url(url):
        raise ValueError(f"notification links must be local paths, not {url!r}")
    data = dict(data or {})
    if isinstance(data.get("summary"), str):
        data["summary"] = data["summary"].strip()[:NOTIFICATION_TEXT_CHARS]
    people = {}
    for person in recipients:
        if person is not None and person.is_active and person != actor:
            people[person.pk] = person
    notifications = Notification.objects.bulk_create(
        Notification(recipient=person, event=event, data=data, url=url, actor=actor)
        for person in people.values()
    )
    mails = [
        (person.email, _language_of(person), notification)
        for person, notification in zip(people.values(), notifications, strict=True)
        if person.email.strip()
    ]
    if mails:
        transaction.on_commit(lambda: _send_mails(mails))
    return notifications


def _language_of(person) -> str:
    """The language a person reads mail in: their own choice where the account keeps
    one, else the portal's (Thai)."""
    chosen = getattr(person, "language", "") or ""
    known = {code for code, _name in settings.LANGUAGES}
    return chosen if chosen in known else settings.LANGUAGE_CODE


def _send_mails(mails):
    base = getattr(settings, "PORTAL_BASE_URL", "") or ""
    messages = []
    for address, language, notification in mails:
        with translation.override(language):
            text = notification.text
            subject = _("[แผนธุรกิจเพื่อชุมชน] ") + text
        body = text
        if notification.url:
            body += "\n\n" + base.rstrip("/") + notification.url
        messages.append(
            EmailMessage(subject=subject[:150].replace("\n", " "), body=body, to=[address])
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
