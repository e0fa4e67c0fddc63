"""Demo mentors of the southern programme; idempotent like communities.demo."""

import datetime

from django.db import transaction

from communities.models import Province, Region
from mentors.models import Assignment, Cohort, FollowUp, FollowUpKind, Mentor

# Krabi, Chumphon, Pattani, Yala, Phang Nga
SOUTH_COVERED = ["81", "86", "94", "95", "82"]

DEMO_FOLLOW_UPS = [
    (
        "aoluek",
        datetime.date(2025, 7, 12),
        FollowUpKind.VISIT,
        "ลงพื้นที่คลองมะรุย เดินเส้นทางท่องเที่ยวกับแกนนำ ทบทวนช่อง 'กลุ่มลูกค้า' ในแผนธุรกิจ",
        "กลุ่มจะสอบถามราคาเรือจากเครือข่ายอ่าวพังงา และนัดคุยอีกครั้งสิ้นเดือน",
    ),
    (
        "aoluek",
        datetime.date(2025, 8, 2),
        FollowUpKind.PHONE,
        "โทรคุยเรื่องการแบ่งรายได้ 60:40 ระหว่างครอบครัวกับกองทุนชุมชน",
        "แกนนำจะนำเรื่องเข้าเวทีประชุมสมาชิก",
    ),
    (
        "nakha",
        datetime.date(2025, 7, 20),
        FollowUpKind.FORUM,
        "ร่วมเวทีสมาชิก เล่าขั้นตอนขอรับรองแปลงเกษตรอินทรีย์",
        "สมาชิก 5 แปลงจะเตรียมเอกสารขอรับรอง",
    ),
]


@transaction.atomic
def seed_mentors(groups: dict, people: dict) -> dict:
    """Mentor profiles, assignments, follow-ups and a cohort for the demo accounts."""
    south = Region.objects.get(slug="south")
    provinces = {p.code: p for p in Province.objects.filter(code__in=SOUTH_COVERED)}
    mentor_south, _ = Mentor.objects.get_or_create(
        user=people["mentor_south"],
        defaults={
            "region": south,
            "phone": people["mentor_south"].phone or "",
            "home_province": provinces.get("81"),
            "note": "ถนัดท่องเที่ยวชุมชนและเกษตรอินทรีย์",
        },
    )
    mentor_south.provinces.add(*provinces.values())
    mentor_other, _ = Mentor.objects.get_or_create(
        user=people["mentor_other"],
        defaults={
            "region": south,
            "phone": people["mentor_other"].phone or "",
            "home_province": provinces.get("94"),
        },
    )
    for key in ("aoluek", "nakha"):
        if not Assignment.objects.filter(mentor=mentor_south, group=groups[key]).exists():
            Assignment.objects.create(
                mentor=mentor_south, group=groups[key], starts_on=datetime.date(2025, 6, 1)
            )
    for key, day, kind, done, next_steps in DEMO_FOLLOW_UPS:
        FollowUp.objects.get_or_create(
            mentor=mentor_south,
            group=groups[key],
            happened_on=day,
            kind=kind,
            defaults={"what_was_done": done, "next_steps": next_steps},
        )
    cohort, _ = Cohort.objects.get_or_create(
        name="รุ่นที่ 1 ภาคใต้ 2568",
        region=south,
        defaults={
            "year": 2025,
            "starts_on": datetime.date(2025, 5, 15),
            "ends_on": datetime.date(2025, 11, 30),
            "trained_count": 104,
        },
    )
    cohort.groups.add(*groups.values())
    cohort.mentors.add(mentor_south, mentor_other)
    cohort.trainees.add(
        *[people[name] for name in ("leader_aoluek", "leader_nakha", "member_aoluek")]
    )
    return {"mentors": {"mentor_south": mentor_south, "mentor_other": mentor_other}}
