"""The world every security test walks: two groups in two regions, each with all its records.

Group A lives in the south (Krabi) and group B in the north (Chiang Mai); each
has a leader, a member, a newcomer who never signed in, a submitted canvas with
an open comment thread, a draft canvas, an assigned mentor, a cohort, a
follow-up and a notification. The personas are the people of the table.

`Side` maps the names used by the table's `kwargs` ("group", "canvas", ...) to
the primary keys of one side; `Side.payload` fills a POST template with them.
"""

import datetime
from dataclasses import dataclass, field

from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from accounts.services import password_setup_path
from canvases import reviews, services, subjects
from communities.models import Invitation, MembershipRole
from programme.models import Result
from programme.threads import PLAN_AREA
from tests import factories

# Who the table speaks for, in the order of its columns.
PERSONAS = (
    "anon",  # not signed in
    "leader_a",  # leader of group A (south)
    "member_a",  # member of group A
    "leader_b",  # leader of group B (north)
    "mentor_a",  # southern mentor assigned to group A today
    "mentor_x",  # southern mentor assigned to no group of the scenario
    "staff_s",  # regional staff of the south
    "staff_n",  # regional staff of the north
    "national",  # national staff
)


@dataclass
class Side:
    """One side's objects, by the names the table uses."""

    ids: dict = field(default_factory=dict)

    def payload(self, template: dict) -> dict:
        """A POST body: every "{name}" in a value becomes this side's id for that name."""
        filled = {}
        for key, value in template.items():
            values = value if isinstance(value, list) else [value]
            values = [v.format(**self.ids) if isinstance(v, str) else v for v in values]
            filled[key] = values if isinstance(value, list) else values[0]
        return filled


@dataclass
class World:
    users: dict  # persona -> User (anon is absent)
    sides: dict  # "own" (group A) and "foreign" (group B) -> Side


def _side(*, region_slug, region_name, province_name, tag, leader, member, mentor_user):
    region = factories.RegionFactory(slug=region_slug, name_th=region_name, name_en=region_slug)
    province = factories.ProvinceFactory(name_th=province_name, region=region)
    district = factories.DistrictFactory(province=province)
    tambon = factories.TambonFactory(district=district)
    group = factories.CommunityGroupFactory(name=f"กลุ่มทดสอบ {tag}", tambon=tambon)
    factories.MembershipFactory(group=group, user=leader, role=MembershipRole.LEADER)
    factories.MembershipFactory(group=group, user=member, role=MembershipRole.MEMBER)
    newcomer = factories.UserFactory(username=f"newcomer_{tag}", phone=f"+6689000000{tag[-1]}")
    newcomer.set_unusable_password()
    newcomer.save()
    factories.MembershipFactory(group=group, user=newcomer, role=MembershipRole.MEMBER)

    mentor = factories.MentorFactory(user=mentor_user, region=region, home_province=province)
    mentor.provinces.add(province)
    assignment = factories.AssignmentFactory(mentor=mentor, group=group)

    canvas = services.canvas_create(group=group, by=leader, title=f"แผนที่ส่งแล้ว {tag}")
    services.canvas_save_blocks(
        canvas=canvas,
        by=leader,
        blocks=dict(factories.THAI_BLOCKS),
        base_revision=canvas.revision,
        save_id=f"fill-{tag}",
    )
    version = services.canvas_submit(canvas=canvas, by=leader)
    comment = reviews.comment_create(
        version=version, block_key="channels", body="เพิ่มช่องทางไลน์ด้วยไหม", by=mentor_user
    )
    draft = services.canvas_create(group=group, by=leader, title=f"แผนร่าง {tag}")
    services.canvas_save_blocks(
        canvas=draft,
        by=leader,
        blocks=dict(factories.THAI_BLOCKS),
        base_revision=draft.revision,
        save_id=f"draft-{tag}",
    )
    draft.refresh_from_db()

    cohort = factories.CohortFactory(name=f"รุ่นทดสอบ {tag}", region=region, year=2025)
    cohort.groups.add(group)
    cohort.mentors.add(mentor)
    follow_up = factories.FollowUpFactory(mentor=mentor, group=group)
    # Results of quarter 1/2568, entered by the leader and not yet confirmed.
    Result.objects.create(
        group=group,
        fiscal_year=2568,
        quarter=1,
        income=12000,
        costs=5000,
        members_earning=10,
        households_earning=8,
        family_share=60,
        community_share=40,
        entered_by=leader,
    )
    # A mentor's comment on the people area of the group's plan (canvases.subjects).
    plan_comment = reviews.thread_open(
        kind=subjects.kind_named(PLAN_AREA),
        subject=group,
        topic="people",
        body="ควรอบรมบัญชีครัวเรือน",
        by=mentor_user,
    )
    notification = factories.NotificationFactory(
        recipient=leader, url=reverse("canvases:detail", args=[canvas.pk])
    )

    invitee = factories.UserFactory(username=f"invitee_{tag}", phone=f"+6688000000{tag[-1]}")
    invitation = Invitation.objects.create(
        group=group, invitee=invitee, phone=invitee.phone, role=MembershipRole.MEMBER
    )
    block_change = draft.block_changes.filter(block_key="channels").first()
    capital_item = factories.CapitalItemFactory(tambon=tambon, what=f"ป่าชายเลน {tag}")
    link = password_setup_path(newcomer).rstrip("/").split("/")
    return region, Side(
        ids={
            "region": region.pk,
            "region_slug": region.slug,
            "province": province.pk,
            "tambon_code": tambon.code,
            "capital_item": capital_item.pk,
            "province_code": province.code,
            "district_code": district.code,
            # Constants a route takes besides objects (the same on both sides).
            "figure": "groups",
            "extension": "csv",
            "level": "province",
            "invitation": invitation.pk,
            "block_key": "channels",
            "block_change": block_change.pk,
            "group": group.pk,
            "leader": leader.pk,
            "newcomer": newcomer.pk,
            "uidb64": link[-2],
            "token": link[-1],
            "mentor": mentor.pk,
            "mentor_user": mentor_user.pk,
            "mentor_phone": mentor_user.phone,
            "assignment": assignment.pk,
            "canvas": canvas.pk,
            "version": version.pk,
            "version_number": version.number,
            "thread": comment.thread_id,
            "comment": comment.pk,
            "plan_kind": PLAN_AREA,
            "plan_thread": plan_comment.thread_id,
            "plan_comment": plan_comment.pk,
            "draft": draft.pk,
            "draft_revision": draft.revision,
            "cohort": cohort.pk,
            "follow_up": follow_up.pk,
            "notification": notification.pk,
            "today": timezone.localdate().isoformat(),
            # A period before the scenario's assignments (which start 30 days ago).
            "long_ago": (timezone.localdate() - datetime.timedelta(days=60)).isoformat(),
            "less_long_ago": (timezone.localdate() - datetime.timedelta(days=45)).isoformat(),
        }
    )


def build_world() -> World:
    """Create the scenario; the caller owns the transaction it lives in."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        user = factories.UserFactory
        users = {
            "leader_a": user(username="sec_leader_a", phone="+66810000001"),
            "member_a": user(username="sec_member_a", phone="+66810000002"),
            "leader_b": user(username="sec_leader_b", phone="+66810000003"),
            "mentor_a": user(username="sec_mentor_a", phone="+66810000004", role=Role.MENTOR),
            "mentor_x": user(username="sec_mentor_x", phone="+66810000005", role=Role.MENTOR),
            "national": user(
                username="sec_national", phone="+66810000009", role=Role.NATIONAL_STAFF
            ),
        }
        member_b = user(username="sec_member_b", phone="+66810000006")
        mentor_b = user(username="sec_mentor_b", phone="+66810000007", role=Role.MENTOR)
        south, own = _side(
            region_slug="sec-south",
            region_name="ภาคใต้ (ทดสอบ)",
            province_name="กระบี่ (ทดสอบ)",
            tag="A1",
            leader=users["leader_a"],
            member=users["member_a"],
            mentor_user=users["mentor_a"],
        )
        north, foreign = _side(
            region_slug="sec-north",
            region_name="ภาคเหนือ (ทดสอบ)",
            province_name="เชียงใหม่ (ทดสอบ)",
            tag="B2",
            leader=users["leader_b"],
            member=member_b,
            mentor_user=mentor_b,
        )
        # A southern mentor with a group of their own outside the scenario's two.
        free = factories.MentorFactory(user=users["mentor_x"], region=south)
        factories.AssignmentFactory(mentor=free)
        users["staff_s"] = factories.RegionStaffFactory(
            region=south, user__username="sec_staff_s", user__phone="+66810000010"
        ).user
        users["staff_n"] = factories.RegionStaffFactory(
            region=north, user__username="sec_staff_n", user__phone="+66810000011"
        ).user
    for side, mentor_user in ((own, users["mentor_a"]), (foreign, mentor_b)):
        side.ids |= _stories_and_photos(side, mentor_user)
    for side in (own, foreign):
        add_forums_and_links(side)
    return World(users=users, sides={"own": own, "foreign": foreign})


# Stories and photos (programme) -------------------------------------------------------------


def _stories_and_photos(side: Side, mentor_user) -> dict:
    """A published story with a photo, an approved canvas it may link, a paper canvas photo."""
    from canvases.models import Canvas, CanvasEvent, EventKind
    from communities.models import CommunityGroup
    from programme import photos
    from programme.models import Story
    from tests.programme.photo_helpers import jpeg, upload

    group = CommunityGroup.objects.get(pk=side.ids["group"])
    canvas = Canvas.objects.get(pk=side.ids["canvas"])
    story = Story.objects.create(
        group=group,
        title="ล่องคลองชมป่าชายเลน",
        body="เรื่องของชุมชน",
        author=mentor_user,
        link_canvas=True,
        published_at=timezone.now(),
    )
    processed = photos.process_photo(upload(jpeg((64, 48))))
    story_photo = photos.story_photo_add(story=story, by=mentor_user, photo=processed)
    approved = factories.CanvasFactory(group=group, filled=True, status="approved")
    version = factories.CanvasVersionFactory(canvas=approved, number=1)
    CanvasEvent.objects.create(canvas=approved, kind=EventKind.APPROVED, version=version)
    leader = group.memberships.get(role=MembershipRole.LEADER).user
    paper = photos.paper_photo_add(canvas=canvas, by=leader, photo=processed)
    return {
        "story": story.pk,
        "story_photo": story_photo.pk,
        "approved_canvas": approved.pk,
        "paper_photo": paper.pk,
    }


# Learning forums and networks ------------------------------------------------------


def add_forums_and_links(side: Side) -> None:
    """A forum where the side's group presented, a partner group in the same tambon, and a
    link the partner proposed to the group (its leader, or staff, may accept or remove it)."""
    from communities.models import CommunityGroup, GroupLink, LinkStatus
    from programme.models import Forum

    group = CommunityGroup.objects.select_related("tambon").get(pk=side.ids["group"])
    partner = factories.CommunityGroupFactory(name=f"{group.name} คู่เครือข่าย", tambon=group.tambon)
    forum = Forum.objects.create(
        title=f"เวทีทดสอบ {group.name}",
        held_on=timezone.localdate(),
        tambon=group.tambon,
        organisers="สภาองค์กรชุมชนตำบล",
        participants=35,
    )
    forum.groups.add(group)
    low, high = sorted((group, partner), key=lambda g: g.pk)
    link = GroupLink.objects.create(
        group_low=low,
        group_high=high,
        kind="supply",
        status=LinkStatus.PROPOSED,
        proposed_by_group=partner,
    )
    side.ids |= {"forum": forum.pk, "partner_group": partner.pk, "link": link.pk}
