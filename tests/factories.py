"""factory-boy factories for every model; build small worlds in tests."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.models import Notification, Role
from communities.geography import tambon_place, tambon_search_key
from communities.models import (
    CommunityGroup,
    District,
    Membership,
    MembershipRole,
    Province,
    Region,
    RegionStaff,
    Tambon,
)
from mentors.models import Assignment, Cohort, FollowUp, FollowUpKind, Mentor

TEST_PASSWORD = "test-pass-9571"


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"region-{n}")
    name_th = factory.Sequence(lambda n: f"ภาคที่ {n}")
    name_en = factory.Sequence(lambda n: f"Region {n}")


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Province
        django_get_or_create = ("code",)

    # Letter codes never collide with the real, numeric DOPA codes.
    code = factory.Sequence(lambda n: f"{chr(65 + n // 10 % 26)}{n % 10}")
    name_th = factory.Sequence(lambda n: f"จังหวัดทดสอบ{n}")
    name_en = factory.Sequence(lambda n: f"Test Province {n}")
    region = factory.SubFactory(RegionFactory)


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ("code",)

    province = factory.SubFactory(ProvinceFactory)
    code = factory.LazyAttributeSequence(lambda o, n: f"{o.province.code}{(n % 99) + 1:02d}")
    name_th = factory.Sequence(lambda n: f"อำเภอทดสอบ{n}")
    name_en = factory.Sequence(lambda n: f"Test District {n}")


class TambonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tambon
        django_get_or_create = ("code",)

    district = factory.SubFactory(DistrictFactory)
    province = factory.SelfAttribute("district.province")
    code = factory.LazyAttributeSequence(lambda o, n: f"{o.district.code}{(n % 99) + 1:02d}")
    name_th = factory.Sequence(lambda n: f"ตำบลทดสอบ{n}")
    name_en = factory.Sequence(lambda n: f"Test Tambon {n}")
    place_th = factory.LazyAttribute(
        lambda o: tambon_place(o.name_th, o.district.name_th, o.province.name_th)
    )
    place_en = factory.LazyAttribute(
        lambda o: tambon_place(o.name_en, o.district.name_en, o.province.name_en)
    )
    search_key = factory.LazyAttribute(
        lambda o: tambon_search_key(
            o.name_th,
            o.name_en,
            o.district.name_th,
            o.district.name_en,
            o.province.name_th,
            o.province.name_en,
        )
    )


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    display_name = factory.Sequence(lambda n: f"ผู้ใช้ {n}")
    role = Role.COMMUNITY
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class CommunityGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommunityGroup

    name = factory.Sequence(lambda n: f"กลุ่มทดสอบ {n}")
    tambon = factory.SubFactory(TambonFactory)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    group = factory.SubFactory(CommunityGroupFactory)
    user = factory.SubFactory(UserFactory)
    role = MembershipRole.MEMBER


class RegionStaffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegionStaff

    user = factory.SubFactory(UserFactory, role=Role.REGIONAL_STAFF)
    region = factory.SubFactory(RegionFactory)


# Mentors and notifications ------------------------------------------------
class MentorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mentor

    user = factory.SubFactory(UserFactory, role=Role.MENTOR)
    region = factory.SubFactory(RegionFactory)
    phone = ""
    is_active = True


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort

    name = factory.Sequence(lambda n: f"รุ่นที่ {n + 1}")
    region = factory.SubFactory(RegionFactory)
    year = 2025


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    mentor = factory.SubFactory(MentorFactory)
    group = factory.SubFactory(CommunityGroupFactory)
    starts_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=30))
    ends_on = None


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    mentor = factory.SubFactory(MentorFactory)
    group = factory.SubFactory(CommunityGroupFactory)
    happened_on = factory.LazyFunction(datetime.date.today)
    kind = FollowUpKind.VISIT
    what_was_done = factory.Sequence(lambda n: f"ลงพื้นที่ครั้งที่ {n}")


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory)
    message = factory.Sequence(lambda n: f"มีความเห็นใหม่ {n}")
    url = "/"


# --- canvases -------------------------------------------------------------

THAI_BLOCKS = {
    "customer_segments": "นักท่องเที่ยวชาวไทยและต่างชาติที่มาเที่ยวอ่าวลึก",
    "value_propositions": "ล่องคลองมะรุยชมป่าชายเลน ฟังเรื่องเล่าประวัติศาสตร์ชุมชน",
    "channels": "เพจเฟซบุ๊กของกลุ่ม บริษัททัวร์ในกระบี่ และหน้าท่าเรือ",
    "customer_relationships": "ดูแลเหมือนญาติ ส่งรูปให้หลังเที่ยว ชวนกลับมาอีก",
    "revenue_streams": "ค่าล่องเรือ ค่าอาหาร ของฝาก แบ่งรายได้ 60:40",
    "key_resources": "คลอง ป่าชายเลน เรือหางยาว ปราชญ์ชาวบ้าน น้ำใจคนในชุมชน",
    "key_activities": "พาเที่ยว ทำอาหารพื้นบ้าน ดูแลความสะอาดคลอง",
    "key_partners": "อบต. การท่องเที่ยวแห่งประเทศไทย เครือข่ายอ่าวพังงา โรงเรียน",
    "cost_structure": "ค่าน้ำมันเรือ ค่าซ่อมเรือ ค่าแรงคนพาเที่ยว เวลาของสมาชิก",
}


class CanvasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "canvases.Canvas"

    group = factory.SubFactory(CommunityGroupFactory)
    title = factory.Sequence(lambda n: f"แผนทดสอบ {n}")
    blocks = factory.LazyFunction(lambda: dict.fromkeys(THAI_BLOCKS, ""))
    revision = 0

    class Params:
        filled = factory.Trait(
            blocks=factory.LazyFunction(lambda: dict(THAI_BLOCKS)), filled_blocks=9
        )


class CanvasVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "canvases.CanvasVersion"

    canvas = factory.SubFactory(CanvasFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.SelfAttribute("canvas.title")
    blocks = factory.LazyFunction(lambda: dict(THAI_BLOCKS))
    submitted_at = factory.LazyFunction(timezone.now)


class CommentThreadFactory(factory.django.DjangoModelFactory):
    """A thread on a block of a version; `canvas` follows the version."""

    class Meta:
        model = "canvases.CommentThread"

    version = factory.SubFactory(CanvasVersionFactory)
    canvas = factory.SelfAttribute("version.canvas")
    block_key = "channels"
    opened_by = factory.SubFactory(UserFactory)


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "canvases.Comment"

    thread = factory.SubFactory(CommentThreadFactory)
    author = factory.SelfAttribute("thread.opened_by")
    body = factory.Sequence(lambda n: f"ช่องทางนี้ลองเพิ่มไลน์ของกลุ่มดูไหม ({n})")


def tally_canvases():
    """Recount the dashboards' summary rows from the canvases, versions and events.

    The services keep them as they change a canvas's state; canvases, versions and
    events made by the factories above (or moved in time with `.update()`) bypass
    the services, so a test that builds them that way recounts before reading.
    """
    from canvases.tallies import refresh_groups

    refresh_groups(None)


class CapitalItemFactory(factory.django.DjangoModelFactory):
    """One item of a tambon's community capital."""

    class Meta:
        model = "communities.CapitalItem"

    tambon = factory.SubFactory(TambonFactory)
    kind = "nature"
    what = factory.Sequence(lambda n: f"ป่าชายเลนแปลงที่ {n}")
    detail = ""


# The programme ------------------------------------------------------------
class ResultFactory(factory.django.DjangoModelFactory):
    """A result of one period; quarter 0 is the whole fiscal year (Buddhist era)."""

    class Meta:
        model = "programme.Result"

    group = factory.SubFactory(CommunityGroupFactory)
    fiscal_year = 2569
    quarter = 1
    income = 10000
    costs = 4000
    members_earning = 10
    households_earning = 8
    family_share = 60
    community_share = 40


class GroupStageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "programme.GroupStage"

    group = factory.SubFactory(CommunityGroupFactory)
    stage = "design"


class PlanItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "programme.PlanItem"

    group = factory.SubFactory(CommunityGroupFactory)
    area = "people"
    what = factory.Sequence(lambda n: f"อบรมการทำบัญชีครั้งที่ {n}")
    status = "not_started"
