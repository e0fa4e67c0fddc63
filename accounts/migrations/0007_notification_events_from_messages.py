"""Give the notifications stored as Thai sentences their event and data, where the
sentence is one the portal wrote; the others keep their message, shown as it is."""

import re

from django.db import migrations

# The Thai sentences the portal stored before notifications kept events (frozen here).
SENTENCES = {
    "canvas_submitted": "%(group)s ส่งแผน “%(title)s” ฉบับที่ %(number)s รอท่านพิจารณา",
    "canvas_approved": "%(name)s เห็นชอบแผน “%(title)s” ฉบับที่ %(number)s แล้ว",
    "changes_requested": "%(name)s ขอให้ปรับแก้แผน “%(title)s” ฉบับที่ %(number)s",
    "comment_added": "%(name)s แสดงความเห็นในช่อง “%(block)s” ของแผน “%(title)s”",
    "comment_replied": "%(name)s ตอบความเห็นในช่อง “%(block)s” ของแผน “%(title)s”",
    "mentor_assigned": "ท่านได้รับมอบหมายเป็นพี่เลี้ยงของ %(group)s",
    "member_added": "ท่านได้รับการเพิ่มเข้า%(group)s",
    "invited": "ท่านได้รับเชิญเข้าร่วม%(group)s ในฐานะ%(role)s ตอบรับหรือปฏิเสธได้ที่หน้าแรก",
    "invitation_accepted": "เจ้าของเบอร์ %(phone)s ตอบรับคำเชิญเข้า%(group)s แล้ว",
    "invitation_declined": "เจ้าของเบอร์ %(phone)s ปฏิเสธคำเชิญเข้า%(group)s",
}
# A decision's message may end with ": " and the reviewer's summary.
WITH_SUMMARY = {"canvas_approved", "changes_requested"}


def _pattern(event, sentence):
    parts = re.split(r"%\((\w+)\)s", sentence)
    regex = "".join(
        re.escape(part) if index % 2 == 0 else f"(?P<{part}>.+?)"
        for index, part in enumerate(parts)
    )
    if event in WITH_SUMMARY:
        regex += r"(?:: (?P<summary>.*))?"
    return re.compile(rf"^{regex}$", re.DOTALL)


PATTERNS = [(event, _pattern(event, sentence)) for event, sentence in SENTENCES.items()]


def events_from_messages(apps, schema_editor):
    Notification = apps.get_model("accounts", "Notification")
    changed = []
    for notification in Notification.objects.filter(event="").exclude(message="").iterator():
        for event, pattern in PATTERNS:
            match = pattern.match(notification.message)
            if match:
                data = {key: value for key, value in match.groupdict().items() if value}
                if "number" in data and data["number"].isdigit():
                    data["number"] = int(data["number"])
                notification.event, notification.data = event, data
                changed.append(notification)
                break
        if len(changed) >= 1000:
            Notification.objects.bulk_update(changed, ["event", "data"])
            changed = []
    Notification.objects.bulk_update(changed, ["event", "data"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0006_notification_event_and_data")]

    operations = [migrations.RunPython(events_from_messages, migrations.RunPython.noop)]
