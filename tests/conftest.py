"""Personas shared by every test: a southern group with its people, and outsiders."""

import pytest

from accounts.models import Role
from communities.models import MembershipRole
from tests import factories


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Every persona hashes a password; the production hasher would make the suite crawl."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fresh_province_names():
    """Province names are cached per process; a test's rolled-back provinces must not stay in it."""
    from communities.selectors import forget_province_names

    forget_province_names()
    yield
    forget_province_names()


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in the portal's language, as a new process does: a request's
    LocaleMiddleware leaves its language active in the thread after the response, so a
    test asking in English would otherwise set the language of the next test on the worker."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def south(db):
    return factories.RegionFactory(slug="south", name_th="ภาคใต้", name_en="Southern")


@pytest.fixture
def north(db):
    return factories.RegionFactory(slug="north", name_th="ภาคเหนือ", name_en="Northern")


@pytest.fixture
def krabi(south):
    return factories.ProvinceFactory(code="81", name_th="กระบี่", name_en="Krabi", region=south)


@pytest.fixture
def ao_luek_tai(krabi):
    district = factories.DistrictFactory(
        code="8105", province=krabi, name_th="อ่าวลึก", name_en="Ao Luek"
    )
    return factories.TambonFactory(
        code="810501", district=district, name_th="อ่าวลึกใต้", name_en="Ao Luek Tai"
    )


@pytest.fixture
def group(ao_luek_tai):
    return factories.CommunityGroupFactory(name="กลุ่มท่องเที่ยวชุมชนอ่าวลึกใต้", tambon=ao_luek_tai)


@pytest.fixture
def leader(group):
    user = factories.UserFactory(username="leader", phone="+66812345678", display_name="สมศักดิ์")
    factories.MembershipFactory(group=group, user=user, role=MembershipRole.LEADER)
    return user


@pytest.fixture
def member(group):
    user = factories.UserFactory(username="member", display_name="มานพ")
    factories.MembershipFactory(group=group, user=user, role=MembershipRole.MEMBER)
    return user


@pytest.fixture
def outsider(db):
    """A community user of another group."""
    other_group = factories.CommunityGroupFactory()
    user = factories.UserFactory(username="outsider")
    factories.MembershipFactory(group=other_group, user=user, role=MembershipRole.LEADER)
    return user


@pytest.fixture
def staff_south(south):
    return factories.RegionStaffFactory(region=south, user__username="staff_south").user


@pytest.fixture
def staff_other_region(north):
    return factories.RegionStaffFactory(region=north, user__username="staff_north").user


@pytest.fixture
def national_staff(db):
    return factories.UserFactory(username="national", role=Role.NATIONAL_STAFF)


@pytest.fixture
def mentor_user(db):
    return factories.UserFactory(username="mentor", role=Role.MENTOR)


@pytest.fixture
def assigned_mentor(mentor_user, south, group):
    """`mentor_user`, a southern mentor assigned to the group today."""
    mentor = factories.MentorFactory(user=mentor_user, region=south)
    factories.AssignmentFactory(mentor=mentor, group=group)
    return mentor_user


@pytest.fixture
def real_geography(db):
    """Thailand's whole geography from geothai, inside the test's transaction."""
    from communities.geography import load_geography

    load_geography()


# Stories and photos ---------------------------------------------------------------------


@pytest.fixture(scope="session", autouse=True)
def throwaway_media_root(tmp_path_factory):
    """Uploaded photos go to a folder of the test run, never to .local/media."""
    from django.test import override_settings

    with override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))):
        yield


# Learning forums and networks: a second southern group with its leader, a northern group.


@pytest.fixture
def partner_group(krabi):
    """Another group of the south (Krabi), the first group's partner in tests of networks."""
    district = factories.DistrictFactory(code="8106", province=krabi, name_th="คลองท่อม")
    tambon = factories.TambonFactory(code="810601", district=district, name_th="คลองพน")
    return factories.CommunityGroupFactory(name="กลุ่มแปรรูปมะละกอคลองพน", tambon=tambon)


@pytest.fixture
def partner_leader(partner_group):
    user = factories.UserFactory(username="partner_leader", display_name="สมใจ")
    factories.MembershipFactory(group=partner_group, user=user, role=MembershipRole.LEADER)
    return user


@pytest.fixture
def north_group(north):
    """A group of another region (Chiang Mai), whose ids the attack tests post."""
    province = factories.ProvinceFactory(code="50", name_th="เชียงใหม่", region=north)
    district = factories.DistrictFactory(code="5001", province=province)
    tambon = factories.TambonFactory(code="500101", district=district, name_th="ศรีภูมิ")
    return factories.CommunityGroupFactory(name="กลุ่มผ้าทอศรีภูมิ", tambon=tambon)
