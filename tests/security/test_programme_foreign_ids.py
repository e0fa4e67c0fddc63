"""Attacks on the programme with the other side's ids: every URL and every field that names
an object, posted by people of group A (the south) with ids of group B (the north) or of
another group of their own region.

What must hold, whoever asks: an object outside the person's reach is 404; an id typed
into a field that may not name it is a form error in Thai beside that field, the rest of
what was typed kept; never a 500; and a refused request writes nothing (the watched
tables of tests/security/snapshot.py). The scenario is tests/security/scenario.py, with a
few programme records more (`programme_world` below).
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.security import authz_table
from tests.security.snapshot import snapshot
from tests.security.urlwalk import patterns

pytestmark = pytest.mark.django_db

NOT_IN_PLAN = "รายการนี้ไม่ได้อยู่ในแผนของกลุ่ม"
NOT_IN_REGION_GROUP = "เลือกได้เฉพาะกลุ่มในภาคนี้จากรายการ"
NOT_IN_REGION_TAMBON = "เลือกได้เฉพาะตำบลในภาคนี้จากรายการ"
NOT_PRESENTED_FORUM = "เลือกได้เฉพาะเวทีที่กลุ่มนี้ร่วมนำเสนอ"
OTHER_GROUP_INVALID = "เลือกกลุ่มคู่เครือข่ายจากรายการ"
BAD_PROVINCE = "เลือกจังหวัดจากรายการ"


# The scenario, and what the programme adds to it ---------------------------------------


@pytest.fixture(scope="module")
def world(harness, django_db_blocker):
    """The security scenario with, on each side, a line of the group's plan and one of the
    partner group's (same tambon), the group's result, and in the south a second forum at
    which group A did not present. The baseline is taken again with them."""
    from programme.models import Forum, PlanItem, Result

    with django_db_blocker.unblock():
        for side in harness.world.sides.values():
            ids = side.ids
            own = PlanItem.objects.create(group_id=ids["group"], area="people", what="อบรมบัญชี")
            partner = PlanItem.objects.create(
                group_id=ids["partner_group"], area="networks", what="แผนของกลุ่มคู่เครือข่าย"
            )
            result = Result.objects.get(group_id=ids["group"], fiscal_year=2568, quarter=1)
            ids |= {"plan_item": own.pk, "partner_plan_item": partner.pk, "result": result.pk}
        south = harness.world.sides["own"].ids
        other_forum = Forum.objects.create(
            title="เวทีที่กลุ่ม A ไม่ได้นำเสนอ",
            held_on=timezone.localdate() - datetime.timedelta(days=3),
            tambon_id=south["tambon_code"],
            organisers="พอช. ภาคใต้",
            participants=20,
        )
        other_forum.groups.add(south["partner_group"])
        south["forum_without_group"] = other_forum.pk
        harness.baseline = snapshot()
    return harness


def own(world):
    return world.world.sides["own"].ids


def foreign(world):
    return world.world.sides["foreign"].ids


def attempt(world, persona, url, data=None, method="POST"):
    """(response, tables changed) of one request, rolled back; a 500 fails at once."""
    response, changed, _ = world.send(persona, method, url, data)
    assert response.status_code != 500, f"{persona} {method} {url}: 500"
    return response, changed


def refused(world, persona, url, data, *, field, message, kept=(), form="form"):
    """The request is answered with the form again: `message` (Thai) beside `field`, what
    was typed in `kept` still there, nothing written. Returns the page's text."""
    response, changed = attempt(world, persona, url, data)
    assert response.status_code in (200, 400), (persona, url, response.status_code)
    assert changed == [], (persona, url, changed)
    errors = response.context[form].errors
    assert message in [str(error) for error in errors.get(field, [])], (persona, dict(errors))
    body = response.content.decode()
    assert message in body
    for typed in kept:
        assert typed in body, f"{persona}: {typed!r} was not kept"
    return body


def not_found(world, persona, url, data=None, method="POST"):
    response, changed = attempt(world, persona, url, data, method)
    assert response.status_code == 404, (persona, method, url, response.status_code)
    assert changed == [], (persona, url, changed)


# Every URL of the programme, with the other side's objects -----------------------------

# The programme's pages, its public pages and the threads on its subjects.
PROGRAMME = [
    p
    for p in patterns(authz_table.SKIPPED)
    if p.name.startswith(("programme:", "stories:")) or p.name.startswith("canvases:subject_")
]
CONSTANTS = {"plan_kind"}


def _url(world, pattern, sides: list[str]) -> str:
    """The URL with each object argument taken from the side named in turn (the last side
    repeats), constants from the south."""
    kwargs = authz_table.ROWS[pattern.name]["kwargs"]
    values, index = {}, 0
    for arg, name in kwargs.items():
        if name in CONSTANTS:
            values[arg] = own(world)[name]
            continue
        side = sides[min(index, len(sides) - 1)]
        values[arg] = world.world.sides[side].ids[name]
        index += 1
    return reverse(pattern.name, kwargs=values)


def _answers(world, persona, url, pattern, side):
    row = authz_table.ROWS[pattern.name]
    data = world.world.sides[side].payload(row.get("post", {}))
    seen = {}
    for method in ("GET", "POST"):
        response, changed = attempt(world, persona, url, data, method)
        assert changed == [], (persona, method, url, changed)
        seen[method] = response.status_code
    return seen


def _objects(pattern) -> int:
    kwargs = authz_table.ROWS[pattern.name]["kwargs"]
    return len([name for name in kwargs.values() if name not in CONSTANTS])


@pytest.mark.parametrize(
    "pattern",
    [p for p in PROGRAMME if not p.name.startswith("stories:")],
    ids=lambda p: p.name,
)
@pytest.mark.parametrize("persona", ["leader_a", "mentor_a", "staff_s"])
def test_the_other_regions_objects_are_not_found(world, pattern, persona):
    """The south's leader, mentor and staff asking for the north's objects: 404 (or 405 for
    a method the URL never takes), whatever the method, and nothing written."""
    url = _url(world, pattern, ["foreign"])
    seen = _answers(world, persona, url, pattern, "foreign")
    assert set(seen.values()) <= {404, 405} and 404 in seen.values(), seen


TWO_OBJECTS = [p for p in PROGRAMME if _objects(p) > 1]


@pytest.mark.parametrize("pattern", TWO_OBJECTS, ids=lambda p: p.name)
@pytest.mark.parametrize("persona", ["anon", "leader_a", "mentor_a", "staff_s", "national"])
def test_an_object_of_another_group_under_ones_own_is_not_found(world, pattern, persona):
    """The first object group A's (or the south's), the next one group B's: the second is
    not the first one's, so 404 even for national staff (and the sign-in page for anonymous
    people on pages that need it). Who has no right to the first object at all is refused
    (403) before the second is looked up: the answer tells nothing of it either."""
    url = _url(world, pattern, ["own", "foreign"])
    seen = _answers(world, persona, url, pattern, "own")
    if persona == "anon" and not pattern.name.startswith("stories:"):
        assert set(seen.values()) <= {302, 405}, seen
        return
    assert set(seen.values()) <= {403, 404, 405} and set(seen.values()) & {403, 404}, seen


@pytest.mark.parametrize("key", ["²", "٣", "1" * 30, "-1", "0", "ภาคใต้"])
def test_a_region_key_that_is_no_region_is_not_found(world, key):
    """The public pages name a region by its code or its number; a key that is neither
    (superscript or Arabic-Indic digits, a huge number) is 404, never a 500."""
    for url in (
        reverse("stories:region", args=[key]),
        reverse("stories:story", args=[key, own(world)["story"]]),
    ):
        not_found(world, "anon", url, method="GET")


# The four-area plan: line ids in the formset --------------------------------------------


def plan_post(*lines, initial=None, extra=()) -> dict:
    """A formset body: `lines` are (id, what) of existing lines, `extra` new lines' what."""
    data = {
        "form-TOTAL_FORMS": str(len(lines) + len(extra)),
        "form-INITIAL_FORMS": str(len(lines) if initial is None else initial),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
    }
    for index, (pk, what) in enumerate(list(lines) + [(None, what) for what in extra]):
        if pk is not None:
            data[f"form-{index}-id"] = str(pk)
        data |= {
            f"form-{index}-area": "policy",
            f"form-{index}-what": what,
            f"form-{index}-status": "done",
        }
    return data


@pytest.mark.parametrize(
    "line", ["plan_item@foreign", "partner_plan_item@own", "partner_plan_item@foreign"]
)
def test_a_line_of_another_groups_plan_is_a_thai_error(world, line):
    """A line id of another group's plan (the north's, or a partner's in the same tambon)
    in group A's formset: refused with a Thai message beside it, what was typed kept, and
    neither plan changed (it used to be dropped without a word)."""
    name, side = line.split("@")
    url = reverse("programme:plan_edit", args=[own(world)["group"]])
    data = plan_post(
        (own(world)["plan_item"], "อบรมบัญชีครัวเรือน รุ่น 2"),
        (world.world.sides[side].ids[name], "ยึดรายการของกลุ่มอื่น"),
        extra=["เพิ่มรายการใหม่"],
    )
    response, changed = attempt(world, "leader_a", url, data)
    assert response.status_code == 200 and changed == []
    formset = response.context["formset"]
    assert NOT_IN_PLAN in [str(error) for error in formset.non_form_errors()]
    assert NOT_IN_PLAN in [str(error) for error in formset.forms[1].non_field_errors()]
    body = response.content.decode()
    assert NOT_IN_PLAN in body
    for typed in ("อบรมบัญชีครัวเรือน รุ่น 2", "ยึดรายการของกลุ่มอื่น", "เพิ่มรายการใหม่"):
        assert typed in body


@pytest.mark.parametrize(
    "tampered",
    [
        {"form-1-id": "abc"},
        {"form-1-id": ""},
        {"form-1-id": "99999999999999999999"},
        {"form-1-id": "-1"},
        {"form-INITIAL_FORMS": "2"},  # a second "existing" line without any id
    ],
    ids=["letters", "empty", "huge", "negative", "missing"],
)
def test_an_existing_line_without_an_id_of_the_plan_is_a_thai_error(world, tampered):
    url = reverse("programme:plan_edit", args=[own(world)["group"]])
    data = plan_post((own(world)["plan_item"], "อบรมบัญชี"), (None, "บรรทัดที่แก้ไว้")) | tampered
    data["form-INITIAL_FORMS"] = "2"
    response, changed = attempt(world, "leader_a", url, data)
    assert response.status_code == 200 and changed == []
    assert NOT_IN_PLAN in response.content.decode()
    assert "บรรทัดที่แก้ไว้" in response.content.decode()


def test_deleting_a_line_of_another_groups_plan_is_refused(world):
    url = reverse("programme:plan_edit", args=[own(world)["group"]])
    data = plan_post((foreign(world)["plan_item"], "แผนของภาคเหนือ")) | {"form-0-DELETE": "on"}
    response, changed = attempt(world, "leader_a", url, data)
    assert response.status_code == 200 and changed == []
    assert NOT_IN_PLAN in response.content.decode()


# Learning forums: tambon, presenting groups and province ------------------------------


def forum_post(world, **changes) -> dict:
    ids = own(world)
    return {
        "province": str(ids["province"]),
        "title": "เวทีแลกเปลี่ยนเรียนรู้คลองมะรุย",
        "held_on": ids["today"],
        "tambon": ids["tambon_code"],
        "organisers": "สภาองค์กรชุมชนตำบลอ่าวลึกใต้",
        "groups": [str(ids["group"])],
        "participants": "42",
    } | changes


FORUM_KEPT = ("เวทีแลกเปลี่ยนเรียนรู้คลองมะรุย", "สภาองค์กรชุมชนตำบลอ่าวลึกใต้", 'value="42"')
FORUM_WRITERS = ["mentor_a", "staff_s", "national"]


def forum_urls(world):
    return {
        "create": reverse("programme:forum_create", args=[own(world)["region_slug"]]),
        "edit": reverse("programme:forum_edit", args=[own(world)["forum"]]),
    }


def _writers(page):
    # The forum's creator is nobody in the scenario: only staff edit it.
    return FORUM_WRITERS if page == "create" else ["staff_s", "national"]


def _foreign_group_name(world):
    from communities.models import CommunityGroup

    return CommunityGroup.objects.get(pk=foreign(world)["group"]).name


@pytest.mark.parametrize("page", ["create", "edit"])
def test_a_presenting_group_of_another_region_is_a_thai_error_and_never_listed(world, page):
    """A northern group ticked on a southern forum (even by national staff): refused beside
    the groups, the rest kept, and the northern group's name nowhere on the page."""
    groups = [str(own(world)["group"]), str(foreign(world)["group"])]
    for persona in _writers(page):
        body = refused(
            world,
            persona,
            forum_urls(world)[page],
            forum_post(world, groups=groups),
            field="groups",
            message=NOT_IN_REGION_GROUP,
            kept=FORUM_KEPT,
        )
        assert _foreign_group_name(world) not in body


@pytest.mark.parametrize("page", ["create", "edit"])
def test_showing_another_province_never_lists_a_group_of_another_region(world, page):
    """ "Show" (changing the province without saving) keeps the ticked groups: a northern one
    slipped in is not listed, nor ticked."""
    groups = [str(own(world)["group"]), str(foreign(world)["group"])]
    data = forum_post(world, groups=groups, pick_province="1")
    for persona in _writers(page):
        response, changed = attempt(world, persona, forum_urls(world)[page], data)
        assert response.status_code == 200 and changed == []
        body = response.content.decode()
        assert _foreign_group_name(world) not in body
        assert f'value="{foreign(world)["group"]}"' not in body
        assert "เวทีแลกเปลี่ยนเรียนรู้คลองมะรุย" in body


@pytest.mark.parametrize("page", ["create", "edit"])
def test_a_tambon_of_another_region_is_a_thai_error(world, page):
    for persona in _writers(page):
        refused(
            world,
            persona,
            forum_urls(world)[page],
            forum_post(world, tambon=foreign(world)["tambon_code"]),
            field="tambon",
            message=NOT_IN_REGION_TAMBON,
            kept=FORUM_KEPT,
        )


@pytest.mark.parametrize("page", ["create", "edit"])
def test_a_province_of_another_region_is_a_thai_error(world, page):
    for persona in _writers(page):
        response, changed = attempt(
            world,
            persona,
            forum_urls(world)[page],
            forum_post(world, province=str(foreign(world)["province"])),
        )
        assert response.status_code == 200 and changed == []
        assert BAD_PROVINCE in [str(e) for e in response.context["chooser"].errors["province"]]
        body = response.content.decode()
        assert BAD_PROVINCE in body
        assert "เวทีแลกเปลี่ยนเรียนรู้คลองมะรุย" in body


def test_a_mentor_cannot_record_a_forum_of_only_other_peoples_groups(world):
    """A mentor's forum needs one of their own groups: the partner group alone (same
    region) is refused beside the groups; a northern group alone is refused as foreign."""
    url = forum_urls(world)["create"]
    refused(
        world,
        "mentor_a",
        url,
        forum_post(world, groups=[str(own(world)["partner_group"])]),
        field="groups",
        message="ต้องมีกลุ่มที่ท่านเป็นพี่เลี้ยงอย่างน้อยหนึ่งกลุ่มร่วมนำเสนอ",
        kept=FORUM_KEPT,
    )
    refused(
        world,
        "mentor_a",
        url,
        forum_post(world, groups=[str(foreign(world)["group"])]),
        field="groups",
        message=NOT_IN_REGION_GROUP,
        kept=FORUM_KEPT,
    )


def test_the_forum_list_of_another_region_is_not_found_for_the_souths_people(world):
    url = reverse("programme:forum_list", args=[foreign(world)["region_slug"]])
    for persona in ("leader_a", "member_a", "mentor_a", "staff_s"):
        not_found(world, persona, url + "?fiscal_year=2568&page=2", method="GET")


# Stories: the forum a story came from, and the fields a story does not have -----------


def story_post(**changes) -> dict:
    return {
        "title": "ล่องคลองมะรุยกับปราชญ์ชาวบ้าน",
        "body": "เรื่องเล่าของชุมชน",
        "link_canvas": "on",
    } | changes


STORY_KEPT = ("ล่องคลองมะรุยกับปราชญ์ชาวบ้าน", "เรื่องเล่าของชุมชน")


@pytest.mark.parametrize("forum", ["forum@foreign", "forum_without_group@own", "999999999", "x"])
@pytest.mark.parametrize("page", ["story_new", "story_edit"])
def test_a_forum_the_group_did_not_present_at_is_a_thai_error(world, forum, page):
    name, _, side = forum.partition("@")
    value = str(world.world.sides[side].ids[name]) if side else name
    ids = own(world)
    url = reverse(f"programme:{page}", args=[ids["group"] if page == "story_new" else ids["story"]])
    for persona in ("mentor_a", "staff_s", "national"):
        refused(
            world,
            persona,
            url,
            story_post(forum=value),
            field="forum",
            message=NOT_PRESENTED_FORUM,
            kept=STORY_KEPT,
        )


def test_a_story_posted_with_another_groups_ids_stays_the_groups_own(world):
    """A story's group, author and publication are not fields: ids of the north posted with
    it change nothing of theirs, and the story is group A's."""
    from programme.models import Story

    ids, theirs = own(world), foreign(world)
    url = reverse("programme:story_new", args=[ids["group"]])
    extra = {"group": theirs["group"], "author": theirs["leader"], "published_at": ids["today"]}

    def stored():
        story = Story.objects.order_by("-pk").first()
        return story.group_id, story.published_at

    _, changed, (group_id, published_at) = world.send(
        "staff_s", "POST", url, story_post(forum=ids["forum"]) | extra, inspect=stored
    )
    assert group_id == ids["group"] and published_at is None
    assert changed == ["programme_story (2 -> 3 rows)"]


# Networks: the other group of a link, the page a link sends back to -------------------


def link_post(other, **changes) -> dict:
    return {"other": str(other), "kind": "marketing", "note": "ขายร่วมกันที่ตลาดนัดชุมชน"} | changes


@pytest.mark.parametrize("persona", ["leader_a", "staff_s"])
def test_a_group_of_another_region_as_partner_is_a_thai_error(world, persona):
    """Leaders and regional staff link within their region only."""
    url = reverse("programme:group_network", args=[own(world)["group"]])
    body = refused(
        world,
        persona,
        url,
        link_post(foreign(world)["group"]),
        field="other",
        message=OTHER_GROUP_INVALID,
        kept=("ขายร่วมกันที่ตลาดนัดชุมชน",),
    )
    assert _foreign_group_name(world) not in body


@pytest.mark.parametrize("other", ["", "abc", "99999999999999999999", "-1", "group"])
def test_a_partner_that_is_no_group_or_the_group_itself_is_a_thai_error(world, other):
    ids = own(world)
    value = str(ids[other]) if other in ids else other
    url = reverse("programme:group_network", args=[ids["group"]])
    response, changed = attempt(world, "leader_a", url, link_post(value))
    assert response.status_code == 200 and changed == []
    errors = [str(e) for e in response.context["form"].errors["other"]]
    assert errors and set(errors) <= {OTHER_GROUP_INVALID, "เชื่อมโยงกลุ่มกับตัวเองไม่ได้"}
    assert "ขายร่วมกันที่ตลาดนัดชุมชน" in response.content.decode()


def test_national_staff_link_across_regions(world):
    """The control: national staff may link a southern group with a northern one."""
    url = reverse("programme:group_network", args=[own(world)["group"]])
    response, changed = attempt(world, "national", url, link_post(foreign(world)["group"]))
    assert response.status_code == 302
    assert changed == ["communities_grouplink (2 -> 3 rows)"]


def test_the_province_chooser_never_lists_another_regions_groups(world):
    url = reverse("programme:group_network", args=[own(world)["group"]])
    for persona in ("leader_a", "staff_s"):
        response, changed = attempt(
            world, persona, f"{url}?province={foreign(world)['province']}", method="GET"
        )
        assert response.status_code == 200 and changed == []
        assert _foreign_group_name(world) not in response.content.decode()


@pytest.mark.parametrize("view", ["link_accept", "link_remove"])
@pytest.mark.parametrize("back_to", ["group@foreign", "partner_group@foreign", "abc"])
def test_a_link_sent_back_to_a_group_not_its_own_is_not_found(world, view, back_to):
    """Accepting or removing group A's link while naming, as the page to go back to, a group
    that is not one of the link's two: 404 before anything changes."""
    name, _, side = back_to.partition("@")
    value = str(world.world.sides[side].ids[name]) if side else name
    url = reverse(f"programme:{view}", args=[own(world)["link"]])
    for persona in ("leader_a", "staff_s", "national"):
        not_found(world, persona, url, {"group": value})


# Community capital: the tambon is the URL's, never a field -----------------------------


def test_a_capital_item_posted_with_another_tambon_stays_in_the_urls_tambon(world):
    from communities.models import CapitalItem

    ids, theirs = own(world), foreign(world)
    url = reverse("programme:capital", args=[ids["tambon_code"]])
    data = {"kind": "nature", "what": "ป่าชายเลน 300 ไร่", "tambon": theirs["tambon_code"]}

    def tambon_of_new_item():
        return CapitalItem.objects.order_by("-pk").values_list("tambon_id", flat=True).first()

    response, changed, tambon = world.send(
        "leader_a", "POST", url, data, inspect=tambon_of_new_item
    )
    assert response.status_code == 302 and tambon == ids["tambon_code"]
    assert changed == ["communities_capitalitem (2 -> 3 rows)"]


def test_editing_an_item_of_another_tambon_under_ones_own_is_not_found(world):
    ids, theirs = own(world), foreign(world)
    for view in ("capital_item_edit", "capital_item_delete"):
        url = reverse(f"programme:{view}", args=[ids["tambon_code"], theirs["capital_item"]])
        for persona in ("leader_a", "mentor_a", "staff_s", "national"):
            not_found(world, persona, url, {"kind": "nature", "what": "ยึด"})


# Threads on the programme's subjects: results, stories, plans, forums ------------------


def open_thread(kind, object_pk) -> str:
    return reverse("canvases:subject_thread_open", args=[kind, object_pk])


@pytest.mark.parametrize(
    ("kind", "obj", "topic"),
    [
        ("result", "result@foreign", "2568-1"),
        ("story", "story@foreign", ""),
        ("plan_area", "group@foreign", "people"),
        ("forum", "forum@foreign", "{group@foreign}"),
        ("forum", "forum@foreign", "{group@own}"),
        ("forum", "forum@own", "{group@foreign}"),
        ("forum", "forum@own", "{partner_group@foreign}"),
    ],
)
def test_a_thread_on_another_regions_subject_is_not_found(world, kind, obj, topic):
    """The south's mentor and staff opening a thread on the north's result, story, plan or
    forum part, or on a part of their own forum that names a group which did not present."""
    name, side = obj.split("@")
    if topic.startswith("{"):
        topic_name, topic_side = topic.strip("{}").split("@")
        topic = str(world.world.sides[topic_side].ids[topic_name])
    url = open_thread(kind, world.world.sides[side].ids[name])
    for persona in ("mentor_a", "staff_s"):
        not_found(world, persona, url, {"topic": topic, "body": "ความเห็นที่ไม่ควรถูกบันทึก"})


def test_a_thread_on_ones_own_result_with_another_period_is_refused(world):
    """The topic of a result's thread is its period: another period is refused, not
    stored on a result it is not about."""
    url = open_thread("result", own(world)["result"])
    response, changed = attempt(world, "mentor_a", url, {"topic": "2567-4", "body": "ผิดช่วง"})
    assert response.status_code in (400, 409) and changed == []


@pytest.mark.parametrize("view", ["subject_thread_reply", "subject_thread_resolve"])
def test_the_north_threads_are_not_found(world, view):
    url = reverse(f"canvases:{view}", args=[foreign(world)["plan_thread"]])
    for persona in ("leader_a", "mentor_a", "staff_s"):
        not_found(world, persona, url, {"body": "ตอบแทนภาคเหนือ"})


# Results: the period names the result, always of the URL's group -----------------------


def test_results_posted_with_another_groups_id_stay_the_groups_own(world):
    from programme.models import Result

    ids, theirs = own(world), foreign(world)
    url = reverse("programme:result_entry", args=[ids["group"]])
    data = {
        "fiscal_year": "2568",
        "quarter": "2",
        "income": "15000",
        "costs": "4000",
        "members_earning": "12",
        "households_earning": "9",
        "family_share": "60",
        "community_share": "40",
        "group": theirs["group"],
        "confirmed_by": theirs["mentor_user"],
    }

    def stored():
        result = Result.objects.get(fiscal_year=2568, quarter=2)
        return result.group_id, result.confirmed_by_id

    response, changed, (group_id, confirmed_by) = world.send(
        "leader_a", "POST", url, data, inspect=stored
    )
    assert response.status_code == 302 and (group_id, confirmed_by) == (ids["group"], None)
    assert changed == ["programme_result (2 -> 3 rows)"]


@pytest.mark.parametrize("view", ["result_confirm", "result_unconfirm"])
def test_confirming_the_norths_results_is_not_found(world, view):
    url = reverse(f"programme:{view}", args=[foreign(world)["group"]])
    for persona in ("leader_a", "mentor_a", "staff_s"):
        not_found(world, persona, url, {"fiscal_year": "2568", "quarter": "1", "note": "ผิด"})


# Query strings: the province chooser and filters of the programme's pages -------------

NASTY_QUERY = ["\x00", "²", "๑๒", "-1", "9" * 30, "' OR '1'='1", "<script>", "81\x00"]


@pytest.mark.parametrize("value", NASTY_QUERY)
def test_a_query_string_that_names_nothing_is_no_500(world, value):
    """What a page reads from its query string (a province, a year, a page, a kind) is
    validated like a form: whatever it holds, the page answers, and writes nothing."""
    ids = own(world)
    pages = {
        reverse("programme:forum_create", args=[ids["region_slug"]]): ("staff_s", "province"),
        reverse("programme:forum_edit", args=[ids["forum"]]): ("staff_s", "province"),
        reverse("programme:group_network", args=[ids["group"]]): ("leader_a", "province"),
        reverse("programme:forum_list", args=[ids["region_slug"]]): ("staff_s", "fiscal_year"),
        reverse("programme:region_network", args=[ids["region_slug"]]): ("staff_s", "page"),
        reverse("programme:capital", args=[ids["tambon_code"]]): ("leader_a", "kind"),
        reverse("programme:result_entry", args=[ids["group"]]): ("leader_a", "quarter"),
    }
    for url, (persona, name) in pages.items():
        response, changed = attempt(world, persona, url, {name: value}, method="GET")
        assert response.status_code == 200, (url, name, response.status_code)
        assert changed == []
