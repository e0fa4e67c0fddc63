"""Demo data of the southern CBMC programme; every function is idempotent."""

from django.contrib.auth import get_user_model
from django.db import transaction

from accounts.models import Role
from communities.models import (
    CapitalItem,
    CapitalKind,
    CommunityGroup,
    GroupKind,
    Membership,
    MembershipRole,
    Region,
    RegionStaff,
    Sector,
    Tambon,
)

DEMO_GROUPS = [
    {
        "key": "nakha",
        "name": "กลุ่มเกษตรอินทรีย์ตำบลนาขา",
        "name_en": "Na Kha Organic Farming Group",
        "tambon": "860404",
        "kind": GroupKind.GROUP,
        "sectors": [Sector.ORGANIC_AGRICULTURE],
        "description": ("สมาชิกปลูกผักและผลไม้อินทรีย์ ขายหน้าสวนและออนไลน์ กำลังขอรับรองแปลงเกษตรอินทรีย์"),
        "founded_year": 2015,
        "member_count": 32,
    },
    {
        "key": "aoluek",
        "name": "กลุ่มท่องเที่ยวชุมชนอ่าวลึกใต้",
        "name_en": "Ao Luek Tai Community Tourism Group",
        "tambon": "810501",
        "kind": GroupKind.GROUP,
        "sectors": [Sector.COMMUNITY_TOURISM, Sector.MICE],
        "description": (
            "ท่องเที่ยวล่องคลองมะรุย ต่อเส้นทางกับเครือข่ายอ่าวพังงา รับจัดประชุมสัมมนาที่ขายเรื่องราวประวัติศาสตร์ชุมชน"
        ),
        "founded_year": 2017,
        "member_count": 45,
    },
    {
        "key": "bannglang",
        "name": "เครือข่ายท่องเที่ยวเชิงนิเวศเขื่อนบางลาง",
        "name_en": "Khuean Bang Lang Eco-tourism Network",
        "tambon": "950306",
        "kind": GroupKind.NETWORK,
        "sectors": [Sector.COMMUNITY_TOURISM, Sector.FOOD_PROCESSING, Sector.HANDICRAFT],
        "description": (
            "เครือข่ายกลุ่มอาชีพมากกว่า 10 กลุ่ม เช่น ล่องแพ โฮมสเตย์ ประมงพื้นบ้าน "
            "แปรรูปปลา ผ้าบาติก ร่วมกันจัดการท่องเที่ยวเชิงนิเวศ"
        ),
        "founded_year": 2018,
        "member_count": 160,
    },
    {
        "key": "pattani_fruit",
        "name": "กลุ่มแปรรูปผลไม้ตะลุโบะ",
        "name_en": "Talubo Fruit Processing Group",
        "tambon": "940111",
        "kind": GroupKind.ENTERPRISE,
        "sectors": [Sector.FOOD_PROCESSING],
        "description": "แปรรูปมะละกอสุกเป็นมะละกอทอดกรอบ และผลไม้ตามฤดูกาล",
        "founded_year": 2019,
        "member_count": 18,
    },
    {
        "key": "pattani_tourism",
        "name": "กลุ่มท่องเที่ยวชุมชนบางปู",
        "name_en": "Bang Pu Community Tourism Group",
        "tambon": "940909",
        "kind": GroupKind.GROUP,
        "sectors": [Sector.COMMUNITY_TOURISM],
        "description": "นั่งเรือชมป่าชายเลนบางปู อาหารทะเลพื้นบ้าน และวิถีประมง",
        "founded_year": 2016,
        "member_count": 27,
    },
]

# username, display name, phone, role, (group key, membership role), staff region
DEMO_PEOPLE = [
    ("leader_aoluek", "สมศักดิ์ ใจดี", "+66812345678", Role.COMMUNITY, ("aoluek", "leader"), None),
    ("leader_nakha", "สมหญิง รักษ์ดิน", "+66823456789", Role.COMMUNITY, ("nakha", "leader"), None),
    ("member_aoluek", "มานพ ทะเลงาม", "+66834567890", Role.COMMUNITY, ("aoluek", "member"), None),
    ("mentor_south", "อรุณี พี่เลี้ยงใต้", "+66845678901", Role.MENTOR, None, None),
    ("mentor_other", "ประเสริฐ พี่เลี้ยง", "+66856789012", Role.MENTOR, None, None),
    ("staff_south", "วิไล เจ้าหน้าที่ภาคใต้", "+66867890123", Role.REGIONAL_STAFF, None, "south"),
    ("staff_north", "ชัยวัฒน์ เจ้าหน้าที่ภาคเหนือ", "+66878901234", Role.REGIONAL_STAFF, None, "north"),
    ("admin", "ผู้ดูแลระบบ", None, Role.NATIONAL_STAFF, None, None),
]


@transaction.atomic
def seed_communities(password: str) -> dict:
    """Create the demo groups and accounts; returns them by key and username."""
    groups = {}
    for spec in DEMO_GROUPS:
        values = {k: v for k, v in spec.items() if k not in {"key", "tambon", "name"}}
        groups[spec["key"]], _ = CommunityGroup.objects.get_or_create(
            name=spec["name"],
            defaults={**values, "tambon": Tambon.objects.get(code=spec["tambon"])},
        )
    User = get_user_model()
    people = {}
    for username, name, phone, role, membership, region in DEMO_PEOPLE:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"display_name": name, "phone": phone, "role": role},
        )
        if created:
            user.set_password(password)
            if username == "admin":
                user.is_staff = user.is_superuser = True
            user.save()
        if membership:
            group_key, member_role = membership
            Membership.objects.get_or_create(
                group=groups[group_key],
                user=user,
                defaults={"role": MembershipRole(member_role)},
            )
        if region:
            RegionStaff.objects.get_or_create(
                user=user, defaults={"region": Region.objects.get(slug=region)}
            )
        people[username] = user
    seed_capital(added_by=people["leader_aoluek"])
    return {"groups": groups, "people": people}


# Community capital of Ao Luek Tai, so the editor's key-resources block has prompts.
DEMO_CAPITAL_TAMBON = "810501"
DEMO_CAPITAL = [
    (CapitalKind.NATURE, "คลองมะรุยและป่าชายเลน", "ล่องเรือชมได้ทั้งปี น้ำใสช่วงหน้าแล้ง"),
    (CapitalKind.NATURE, "เขาหินปูนและถ้ำริมคลอง", ""),
    (CapitalKind.PEOPLE, "ปราชญ์ชาวบ้านที่เล่าประวัติคลองได้", "ลุงเริง อายุ 72 ปี"),
    (CapitalKind.PEOPLE, "คนขับเรือหางยาว 8 ลำ", ""),
    (CapitalKind.CULTURE, "ภาพเขียนสีโบราณในถ้ำ", "เล่าเรื่องคนโบราณริมอ่าวพังงา"),
    (CapitalKind.SOCIAL, "เครือข่ายท่องเที่ยวอ่าวพังงา", "ส่งนักท่องเที่ยวต่อกันตามเส้นทาง"),
    (CapitalKind.MONEY, "กองทุนหมู่บ้านและกลุ่มออมทรัพย์", ""),
]


def seed_capital(*, added_by) -> None:
    """The demo tambon's capital (a tambon not loaded is skipped)."""
    tambon = Tambon.objects.filter(code=DEMO_CAPITAL_TAMBON).first()
    if tambon is None:
        return
    for kind, what, detail in DEMO_CAPITAL:
        CapitalItem.objects.get_or_create(
            tambon=tambon, kind=kind, what=what, defaults={"detail": detail, "added_by": added_by}
        )
