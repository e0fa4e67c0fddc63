"""Demo data of the programme around the southern demo groups' canvases: their four-area
plans, results, stages, a learning forum, a published story, network links and community
capital.

Everything goes through the app's own services, so the demo obeys the rules the pages
do (and writes the same audit entries). Idempotent like communities.demo: each piece is
looked up first and made only when missing, so running seed_demo again adds nothing.
The dates are fixed and in the past, so the demo reads the same whatever the day.
"""

import datetime
from decimal import Decimal

from django.db import transaction

from communities import services as community_services
from communities.models import CapitalItem, CapitalKind, GroupLink, LinkKind, Tambon
from programme import forum_services, services, stories
from programme.models import Area, Forum, GroupStage, ItemStatus, PlanItem, Story
from programme.periods import Period
from programme.selectors import current_stage, result_for_period

# group key -> [(area, what, who, due on, status)]
DEMO_PLANS = {
    "aoluek": [
        (
            Area.PEOPLE,
            "อบรมคนขับเรือเรื่องความปลอดภัยและการเล่าเรื่องประวัติคลองมะรุย",
            "ลุงเริง และคนขับเรือ 8 คน",
            datetime.date(2025, 11, 30),
            ItemStatus.DONE,
        ),
        (
            Area.ORGANISATION,
            "ตั้งกองทุนท่องเที่ยวชุมชนจากส่วนแบ่ง 40% ของรายได้ ทำบัญชีเปิดเผยทุกเดือน",
            "เหรัญญิกกลุ่ม",
            datetime.date(2026, 1, 31),
            ItemStatus.IN_PROGRESS,
        ),
        (
            Area.NETWORKS,
            "ต่อเส้นทางล่องเรือกับเครือข่ายท่องเที่ยวอ่าวพังงาและเขื่อนบางลาง",
            "แกนนำกลุ่ม",
            datetime.date(2026, 3, 31),
            ItemStatus.IN_PROGRESS,
        ),
        (
            Area.POLICY,
            "เสนอแผนท่องเที่ยวชุมชนเข้าแผนพัฒนาของ อบต.อ่าวลึกใต้",
            "สภาองค์กรชุมชนตำบล",
            datetime.date(2026, 6, 30),
            ItemStatus.NOT_STARTED,
        ),
    ],
    "nakha": [
        (
            Area.PEOPLE,
            "ฝึกสมาชิกทำปุ๋ยหมักและจดบันทึกแปลงเพื่อขอรับรองเกษตรอินทรีย์",
            "สมาชิก 5 แปลงแรก",
            datetime.date(2025, 12, 31),
            ItemStatus.IN_PROGRESS,
        ),
        (
            Area.ORGANISATION,
            "จัดระบบรับซื้อผลผลิตจากสมาชิกและแบ่งรายได้ 60:40",
            "คณะกรรมการกลุ่ม",
            datetime.date(2026, 2, 28),
            ItemStatus.NOT_STARTED,
        ),
        (
            Area.NETWORKS,
            "ส่งผลไม้ตกเกรดให้กลุ่มแปรรูปผลไม้ตะลุโบะทุกฤดู",
            "แกนนำกลุ่ม",
            datetime.date(2026, 5, 31),
            ItemStatus.NOT_STARTED,
        ),
        (
            Area.POLICY,
            "ขอพื้นที่ตลาดเขียวหน้าที่ว่าการอำเภอกับเทศบาล",
            "สภาองค์กรชุมชนตำบล",
            None,
            ItemStatus.NOT_STARTED,
        ),
    ],
}

# group key -> [(fiscal year, quarter, income, costs, members, households, confirmed)]
DEMO_RESULTS = {
    "aoluek": [
        (2567, 0, "310000", "142000", 20, 15, True),
        (2568, 1, "64000", "30500", 18, 14, True),
        (2568, 2, "98500", "41000", 22, 17, True),
        (2568, 3, "121000", "47500", 26, 19, False),
    ],
    "nakha": [
        (2568, 2, "45200", "18000", 12, 10, True),
        (2568, 3, "52800", "19500", 14, 11, False),
    ],
}
RESULT_DETAILS = {
    "aoluek": {
        "new_products": "ทริปล่องเรือครึ่งวันพร้อมอาหารพื้นบ้าน",
        "channels": ["online", "tour_operators"],
        "certifications": "",
        "youth": "เยาวชนในตำบลช่วยถ่ายภาพและดูแลเพจของกลุ่ม",
        "resources": "เก็บขยะในคลองทุกเดือน ปลูกป่าชายเลนเพิ่ม 2 ไร่",
    },
    "nakha": {
        "new_products": "ผักสลัดอินทรีย์บรรจุถุง",
        "channels": ["farm_gate", "online"],
        "certifications": "ยื่นขอรับรองแปลงเกษตรอินทรีย์ 5 แปลง",
        "youth": "",
        "resources": "เลิกใช้สารเคมีในแปลงของสมาชิกทุกแปลง",
    },
}

# group key -> how many steps forward from the first one (by the assigned mentor)
DEMO_STAGES = {"aoluek": 2, "nakha": 1}

DEMO_FORUM = {
    "title": "เวทีแลกเปลี่ยนเรียนรู้ท่องเที่ยวชุมชนและเกษตรอินทรีย์ภาคใต้",
    "held_on": datetime.date(2025, 8, 16),
    "organisers": "สภาองค์กรชุมชนตำบลอ่าวลึกใต้ ร่วมกับ พอช. ภาคใต้",
    "participants": 64,
    "notes": "กลุ่มเล่าเส้นทางล่องคลองมะรุยและการขอรับรองแปลงอินทรีย์ แลกเปลี่ยนเรื่องการแบ่งรายได้ 60:40",
}
FORUM_GROUPS = ("aoluek", "nakha", "bannglang")

DEMO_STORY = {
    "title": "ล่องคลองมะรุย: จากคนหาปลาสู่คนเล่าเรื่องชุมชน",
    "body": (
        "คนอ่าวลึกใต้เคยออกเรือหาปลาอย่างเดียว วันนี้คนขับเรือหางยาว 8 คนพานักท่องเที่ยว"
        "ล่องคลองมะรุย ชมป่าชายเลนและภาพเขียนสีโบราณ ฟังลุงเริงเล่าประวัติคลอง\n\n"
        "รายได้แบ่ง 60 ส่วนให้ครอบครัว 40 ส่วนเข้ากองทุนชุมชน ซึ่งใช้ซ่อมท่าเรือ"
        "และให้ทุนการศึกษาเด็กในตำบล กลุ่มนำเรื่องนี้ไปเล่าในเวทีแลกเปลี่ยนเรียนรู้ของภาคใต้"
    ),
}

# (group key, other group key, kind, note, proposed by a leader rather than linked by staff)
DEMO_LINKS = [
    (
        "aoluek",
        "bannglang",
        LinkKind.TOURISM_ROUTE,
        "ส่งนักท่องเที่ยวต่อกันตามเส้นทางอ่าวพังงาถึงเขื่อนบางลาง",
        False,
    ),
    ("pattani_fruit", "pattani_tourism", LinkKind.MARKETING, "ขายมะละกอทอดกรอบบนเรือชมป่า", False),
    ("nakha", "pattani_fruit", LinkKind.SUPPLY, "ส่งผลไม้ตกเกรดให้แปรรูป", True),
]

# tambon code -> [(kind, what, detail)]; Ao Luek Tai's own are communities.demo's.
DEMO_CAPITAL = {
    "860404": [
        (CapitalKind.NATURE, "สวนผลไม้และแปลงผักอินทรีย์ 40 ไร่", "สมาชิก 12 ครอบครัว"),
        (CapitalKind.PEOPLE, "ปราชญ์ทำปุ๋ยหมักและน้ำหมักชีวภาพ", ""),
        (CapitalKind.MONEY, "กลุ่มออมทรัพย์เพื่อการผลิต", "สมาชิก 80 คน"),
    ],
    "940909": [
        (CapitalKind.NATURE, "ป่าชายเลนบางปู", "ชมนกและหิ่งห้อยได้ตอนค่ำ"),
        (CapitalKind.CULTURE, "วิถีประมงพื้นบ้านและอาหารทะเลชุมชน", ""),
    ],
}


@transaction.atomic
def seed_programme(groups: dict, people: dict, **_others) -> dict:
    """The programme of the demo groups (see the module); returns the forum and story."""
    mentor, staff = people["mentor_south"], people["staff_south"]
    leaders = {"aoluek": people["leader_aoluek"], "nakha": people["leader_nakha"]}
    for key, lines in DEMO_PLANS.items():
        seed_plan(groups[key], lines)
    for key, rows in DEMO_RESULTS.items():
        seed_results(groups[key], rows, RESULT_DETAILS[key], leader=leaders[key], mentor=mentor)
    for key, steps in DEMO_STAGES.items():
        seed_stage(groups[key], steps, by=mentor)
    forum = seed_forum(groups, by=staff)
    story = seed_story(groups["aoluek"], forum, by=mentor)
    for key, other, kind, note, proposed in DEMO_LINKS:
        by = leaders.get(key, staff) if proposed else staff
        seed_link(groups[key], groups[other], kind, note, by=by, direct=not proposed)
    added_by = {"860404": leaders["nakha"]}
    for code, items in DEMO_CAPITAL.items():
        seed_capital(code, items, by=added_by.get(code, staff))
    return {"forum": forum, "story": story}


def seed_plan(group, lines) -> None:
    """The group's four-area plan, unless it has one already."""
    if PlanItem.objects.filter(group=group).exists():
        return
    items = [
        PlanItem(area=area, what=what, who=who, due_on=due_on, status=status)
        for area, what, who, due_on, status in lines
    ]
    services.plan_save(group=group, items=items, deleted=[])


def seed_results(group, rows, details: dict, *, leader, mentor) -> None:
    """Results the leader entered, some confirmed by the mentor; a period already entered
    is left as it is."""
    for year, quarter, income, costs, members, households, confirmed in rows:
        period = Period(year, quarter)
        if result_for_period(group, period) is not None:
            continue
        values = details | {
            "income": Decimal(income),
            "costs": Decimal(costs),
            "members_earning": members,
            "households_earning": households,
            "family_share": 60,
            "community_share": 40,
            "channels_other": "",
            "household_debt": None,
            "household_savings": None,
        }
        result = services.result_save(
            group=group, by=leader, period=period, values=values, editing=False
        )
        if confirmed:
            services.result_confirm(result=result, by=mentor)


def seed_stage(group, steps: int, *, by) -> None:
    """Move a group that was never moved `steps` steps forward."""
    if GroupStage.objects.filter(group=group).exists():
        return
    for _step in range(steps):
        services.stage_move(
            group=group,
            by=by,
            direction=services.FORWARD,
            expected=current_stage(group),
            note="ทบทวนกับแกนนำในการลงพื้นที่ติดตามเสริมพลัง",
        )


def seed_forum(groups: dict, *, by):
    """The southern forum at which three demo groups presented, held in Ao Luek Tai."""
    forum = Forum.objects.filter(title=DEMO_FORUM["title"]).first()
    if forum is not None:
        return forum
    return forum_services.forum_save(
        forum=None,
        by=by,
        values=DEMO_FORUM | {"tambon": groups["aoluek"].tambon},
        groups=[groups[key] for key in FORUM_GROUPS],
    )


def seed_story(group, forum, *, by) -> Story:
    """The group's published story from the forum; it links the group's canvas only where
    one was approved (the group's consent is asked for exactly that)."""
    story = Story.objects.filter(group=group, title=DEMO_STORY["title"]).first()
    if story is None:
        story = stories.story_create(
            group=group,
            by=by,
            title=DEMO_STORY["title"],
            body=DEMO_STORY["body"],
            link_canvas=bool(stories.approved_versions(group)),
            forum=forum,
        )
    return stories.story_set_published(story=story, by=by, published=True)


def seed_link(group, other, kind, note, *, by, direct: bool) -> None:
    low, high = sorted((group.pk, other.pk))
    if GroupLink.objects.filter(group_low=low, group_high=high, kind=kind).exists():
        return
    forum_services.link_create(group=group, other=other, kind=kind, note=note, by=by, direct=direct)


def seed_capital(code: str, items, *, by) -> None:
    """A tambon's capital (a tambon not loaded is skipped, as in communities.demo)."""
    tambon = Tambon.objects.filter(code=code).first()
    if tambon is None:
        return
    for kind, what, detail in items:
        if not CapitalItem.objects.filter(tambon=tambon, kind=kind, what=what).exists():
            community_services.capital_item_add(
                tambon=tambon, by=by, kind=kind, what=what, detail=detail
            )
