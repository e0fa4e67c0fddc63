"""The national data set: every tambon of Thailand in use, at the programme's real scale.

At scale 1: 25,000 users, 20,000 groups, 3,000 mentors with assignments,
150 cohorts, 100,000 follow-ups, 40,000 canvases, 200,000 submitted versions
with Thai text in the nine blocks, 9,000,000 block history rows (5 changes of
each block before each version), 1,000,000 comments. Deterministic: the same
seed and scale give the same rows. Loaded with COPY, not one save at a time.
"""

import datetime
import json
import random
import time
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import Role
from bench.bulk import copy_rows, foreign_keys_checked_once, next_id, reset_sequence
from bench.thai_text import block_text, comment_text
from canvases.tallies import refresh_groups
from communities.models import Province, Region, Tambon

SEED = 2569
BENCH_PASSWORD = "bench-pass-2569"
SIZES = {
    "users": 25_000,
    "groups": 20_000,
    "mentors": 3_000,
    "cohorts": 150,
    "follow_ups": 100_000,
    "canvases": 40_000,
    "versions": 200_000,
    "comments": 1_000_000,
    "notifications": 100_000,
}
MENTOR_GROUPS = 30  # the benchmark's own mentor follows this many groups
LEADER_CANVAS_GROUPS = 16  # bench_leader leads this many groups, for autosave without clashes
# The groups after bench_leader's get a second leader (a member promoted), and
# their canvases are open for editing: two leaders of one group typing into one
# canvas at once, for the autosave check.
CO_LED_GROUPS = 20
# Block history: before each submitted version, every block was changed this
# many times (autosaves as the text grew); the last change is the version's text.
CHANGES_PER_BLOCK = 5
SECTORS = ["organic_agriculture", "community_tourism", "food_processing", "handicraft", "mice"]
KINDS = ["group", "group", "group", "enterprise", "council", "network"]


@dataclass
class World:
    """Ids of what was made, for the sections that follow."""

    scale: float
    rng: random.Random
    now: datetime.datetime
    sizes: dict = field(default_factory=dict)
    user_ids: list = field(default_factory=list)
    mentor_user_ids: list = field(default_factory=list)
    community_user_ids: list = field(default_factory=list)
    leader_of_group: dict = field(default_factory=dict)
    co_led_groups: set = field(default_factory=set)
    group_ids: list = field(default_factory=list)
    group_region: dict = field(default_factory=dict)
    mentor_ids: list = field(default_factory=list)
    mentor_user: dict = field(default_factory=dict)
    mentors_by_region: dict = field(default_factory=dict)
    assignments: list = field(default_factory=list)  # (mentor_id, group_id)
    canvases: list = field(default_factory=list)  # (canvas_id, group_id, version count)
    # (version_id, canvas_id, group_id, is the canvas's latest version)
    versions: list = field(default_factory=list)
    status: dict = field(default_factory=dict)  # canvas id → status
    version_rows: list = field(default_factory=list)  # the versions' rows, as loaded
    timings: dict = field(default_factory=dict)


def sizes_for(scale: float) -> dict:
    return {name: max(1, round(count * scale)) for name, count in SIZES.items()}


def already_seeded() -> bool:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(username="bench_leader").exists()


def seed_national(scale: float = 1.0, log=print) -> World:
    """Fill the database; refuses to run twice (drop the database to start again)."""
    world = World(scale=scale, rng=random.Random(SEED), now=timezone.now(), sizes=sizes_for(scale))
    for section in SECTIONS:
        started = time.monotonic()
        with transaction.atomic():
            section(world)
        world.timings[section.__name__] = round(time.monotonic() - started, 1)
        log(f"{section.__name__}: {world.timings[section.__name__]} s")
    started = time.monotonic()
    with transaction.atomic():
        # COPY bypassed the services that keep the dashboards' summary rows: count them once.
        refresh_groups(None)
    log(f"refresh_groups: {round(time.monotonic() - started, 1)} s")
    with connection.cursor() as cursor:
        # As autovacuum leaves a table some time after a bulk load: statistics for the
        # planner, and the visibility map that lets an index answer alone. VACUUM cannot
        # run inside a caller's transaction (a test's): there, the statistics only.
        cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)")
    return world


def seed_users(world: World):
    sizes = world.sizes
    password = make_password(BENCH_PASSWORD)
    first = next_id("accounts_user")
    regions = list(Region.objects.order_by("order").values_list("id", "slug"))
    named = [
        ("bench_leader", Role.COMMUNITY),
        ("bench_mentor", Role.MENTOR),
        ("bench_staff", Role.REGIONAL_STAFF),
        ("bench_national", Role.NATIONAL_STAFF),
    ]
    mentor_count = sizes["mentors"]
    leader_count = sizes["groups"]
    rows = []
    for index in range(sizes["users"]):
        user_id = first + index
        if index < len(named):
            username, role = named[index]
        elif index < len(named) + mentor_count - 1:
            username, role = f"mentor{index:06d}", Role.MENTOR
        else:
            username, role = f"user{index:06d}", Role.COMMUNITY
        phone = f"+6681{index:07d}"
        rows.append(
            (
                user_id,
                username,
                password,
                f"ผู้ใช้ทดสอบ {index}",
                phone,
                role,
                False,
                False,
                True,
                world.now,
                "",
                "",
                "",
            )
        )
        world.user_ids.append(user_id)
    copy_rows(
        "accounts_user",
        [
            "id",
            "username",
            "password",
            "display_name",
            "phone",
            "role",
            "is_superuser",
            "is_staff",
            "is_active",
            "date_joined",
            "first_name",
            "last_name",
            "email",
        ],
        rows,
    )
    reset_sequence("accounts_user")
    # bench_staff looks after the south.
    south = dict((slug, pk) for pk, slug in regions)["south"]
    copy_rows("communities_regionstaff", ["user_id", "region_id"], [(first + 2, south)])
    world.mentor_user_ids = [first + 1] + list(range(first + 4, first + 4 + mentor_count - 1))
    community = [uid for uid in world.user_ids if uid not in set(world.mentor_user_ids)]
    community = [uid for uid in community if uid not in (first + 2, first + 3)]
    world.community_user_ids = community
    assert len(community) >= leader_count, "scale leaves too few users to lead every group"


def seed_groups(world: World):
    rng = world.rng
    tambons = list(Tambon.objects.current().values_list("code", "province__region_id"))
    rng.shuffle(tambons)
    first = next_id("communities_communitygroup")
    rows, memberships = [], []
    leaders = world.community_user_ids[: world.sizes["groups"]]
    members = world.community_user_ids[world.sizes["groups"] :]
    # Every tambon gets a group before any gets a second one.
    for index in range(world.sizes["groups"]):
        group_id = first + index
        code, region_id = tambons[index % len(tambons)]
        sectors = "{" + ",".join(sorted(rng.sample(SECTORS, rng.randint(1, 2)))) + "}"
        rows.append(
            (
                group_id,
                f"กลุ่มวิสาหกิจชุมชนที่ {index + 1}",
                f"Community group {index + 1}",
                code,
                rng.choice(KINDS),
                sectors,
                "",
                rng.randint(1995, 2024),
                rng.randint(8, 200),
                "",
                world.now,
                world.now,
            )
        )
        world.group_ids.append(group_id)
        world.group_region[group_id] = region_id
        world.leader_of_group[group_id] = leaders[index]
        memberships.append((group_id, leaders[index], "leader", world.now))
    co_led = world.group_ids[LEADER_CANVAS_GROUPS : LEADER_CANVAS_GROUPS + CO_LED_GROUPS]
    for index, user_id in enumerate(members):
        group_id, role = rng.choice(world.group_ids), "member"
        if index < len(co_led):  # the first members lead a group beside its leader
            group_id, role = co_led[index], "leader"
            world.co_led_groups.add(group_id)
        memberships.append((group_id, user_id, role, world.now))
    copy_rows(
        "communities_communitygroup",
        [
            "id",
            "name",
            "name_en",
            "tambon_id",
            "kind",
            "sectors",
            "description",
            "founded_year",
            "member_count",
            "contact_phone",
            "created_at",
            "updated_at",
        ],
        rows,
    )
    reset_sequence("communities_communitygroup")
    copy_rows("communities_membership", ["group_id", "user_id", "role", "joined_at"], memberships)


def seed_mentors(world: World):
    rng = world.rng
    provinces_by_region = {}
    for code, region_id in Province.objects.values_list("code", "region_id"):
        provinces_by_region.setdefault(region_id, []).append(code)
    regions = sorted(provinces_by_region)
    first = next_id("mentors_mentor")
    rows, covers = [], []
    for index, user_id in enumerate(world.mentor_user_ids):
        mentor_id = first + index
        region_id = regions[index % len(regions)]
        if index == 0:  # bench_mentor works in the south, like the demo's mentor
            region_id = Region.objects.get(slug="south").pk
        home = rng.choice(provinces_by_region[region_id])
        rows.append((mentor_id, user_id, region_id, "", home, "", True, world.now, world.now))
        for code in {home, *rng.sample(provinces_by_region[region_id], 1)}:
            covers.append((mentor_id, code))
        world.mentor_ids.append(mentor_id)
        world.mentor_user[mentor_id] = user_id
        world.mentors_by_region.setdefault(region_id, []).append(mentor_id)
    copy_rows(
        "mentors_mentor",
        [
            "id",
            "user_id",
            "region_id",
            "phone",
            "home_province_id",
            "note",
            "is_active",
            "created_at",
            "updated_at",
        ],
        rows,
    )
    reset_sequence("mentors_mentor")
    copy_rows("mentors_mentor_provinces", ["mentor_id", "province_id"], covers)


def seed_assignments(world: World):
    """85% of groups have a mentor; bench_mentor follows MENTOR_GROUPS groups of the south."""
    rng = world.rng
    started = datetime.date(2024, 6, 1)
    bench_mentor = world.mentor_ids[0]
    south = Region.objects.get(slug="south").pk
    southern_groups = [g for g in world.group_ids if world.group_region[g] == south]
    bench_groups = set(southern_groups[:MENTOR_GROUPS])
    rows = []
    for group_id in world.group_ids:
        if group_id in bench_groups:
            mentor_id = bench_mentor
        elif rng.random() < 0.85:
            mentor_id = rng.choice(world.mentors_by_region[world.group_region[group_id]])
        else:
            continue
        rows.append((mentor_id, group_id, started, None, world.now))
        world.assignments.append((mentor_id, group_id))
    copy_rows(
        "mentors_assignment", ["mentor_id", "group_id", "starts_on", "ends_on", "created_at"], rows
    )


def seed_cohorts(world: World):
    rng = world.rng
    regions = sorted(world.mentors_by_region)
    first = next_id("mentors_cohort")
    cohorts, cohort_groups, cohort_mentors = [], [], []
    groups_by_region = {}
    for group_id in world.group_ids:
        groups_by_region.setdefault(world.group_region[group_id], []).append(group_id)
    for index in range(world.sizes["cohorts"]):
        cohort_id = first + index
        region_id = regions[index % len(regions)]
        year = 2019 + index % 7
        cohorts.append(
            (
                cohort_id,
                f"รุ่นที่ {index + 1}",
                region_id,
                year,
                datetime.date(year, 3, 1),
                datetime.date(year, 9, 30),
                rng.randint(80, 130),
                world.now,
            )
        )
        region_groups = groups_by_region.get(region_id, [])
        for group_id in rng.sample(region_groups, min(100, len(region_groups))):
            cohort_groups.append((cohort_id, group_id))
        region_mentors = world.mentors_by_region[region_id]
        for mentor_id in rng.sample(region_mentors, min(10, len(region_mentors))):
            cohort_mentors.append((cohort_id, mentor_id))
    copy_rows(
        "mentors_cohort",
        ["id", "name", "region_id", "year", "starts_on", "ends_on", "trained_count", "created_at"],
        cohorts,
    )
    reset_sequence("mentors_cohort")
    copy_rows("mentors_cohort_groups", ["cohort_id", "communitygroup_id"], cohort_groups)
    copy_rows("mentors_cohort_mentors", ["cohort_id", "mentor_id"], cohort_mentors)


def seed_follow_ups(world: World):
    rng = world.rng
    kinds = ["visit", "phone", "forum", "online"]

    def rows():
        for index in range(world.sizes["follow_ups"]):
            mentor_id, group_id = world.assignments[index % len(world.assignments)]
            day = datetime.date(2024, 6, 1) + datetime.timedelta(days=rng.randint(0, 800))
            yield (
                mentor_id,
                group_id,
                day,
                rng.choice(kinds),
                "ลงพื้นที่พูดคุยกับแกนนำเรื่องแผนธุรกิจ ทบทวนต้นทุนและช่องทางขาย",
                "กลุ่มจะปรับบล็อกรายได้และส่งฉบับใหม่",
                world.now,
            )

    copy_rows(
        "mentors_followup",
        [
            "mentor_id",
            "group_id",
            "happened_on",
            "kind",
            "what_was_done",
            "next_steps",
            "created_at",
        ],
        rows(),
    )


def seed_notifications(world: World):
    rng = world.rng

    def rows():
        for index in range(world.sizes["notifications"]):
            recipient = world.user_ids[index % len(world.user_ids)]
            read = None if rng.random() < 0.3 else world.now
            yield (recipient, "มีความเห็นใหม่ในแผนธุรกิจของกลุ่ม", "/", None, world.now, read)

    copy_rows(
        "accounts_notification",
        ["recipient_id", "message", "url", "actor_id", "created_at", "read_at"],
        rows(),
    )


BLOCK_KEYS = [
    "customer_segments",
    "value_propositions",
    "channels",
    "customer_relationships",
    "revenue_streams",
    "key_resources",
    "key_activities",
    "key_partners",
    "cost_structure",
]


REVISIONS_PER_VERSION = CHANGES_PER_BLOCK * len(BLOCK_KEYS)  # one block per save
BLOCK_HISTORY_TABLE = "canvases_blockchange"


def _growing(text: str, step: int) -> str:
    """The text as it stood after `step` of CHANGES_PER_BLOCK autosaves: its first words."""
    words = text.split(" ")
    return " ".join(words[: -(-len(words) * step // CHANGES_PER_BLOCK)])


def seed_block_history(world: World):
    """Every stored text of every block, CHANGES_PER_BLOCK changes per block before each version.

    Assumed: the leader writes a block over a few sittings (the text grows
    word by word towards what was submitted), each save changes one block,
    and the changes of a version fall evenly over the 19 days before it was
    submitted; the last change of each block is the version's own text.
    Skipped when the schema has no block history table yet.
    """
    versions, world.version_rows = world.version_rows, []
    with connection.cursor() as cursor:
        if BLOCK_HISTORY_TABLE not in connection.introspection.table_names(cursor):
            return
    span = datetime.timedelta(days=19)

    def rows():
        for _version_id, canvas_id, number, _title, blocks, by, submitted_at in versions:
            texts = json.loads(blocks)
            base = (number - 1) * REVISIONS_PER_VERSION
            for step in range(1, CHANGES_PER_BLOCK + 1):
                for index, key in enumerate(BLOCK_KEYS):
                    offset = (step - 1) * len(BLOCK_KEYS) + index + 1
                    at = submitted_at - span + span * offset / REVISIONS_PER_VERSION
                    at -= datetime.timedelta(minutes=1)
                    yield (canvas_id, key, base + offset, _growing(texts[key], step), by, at)

    with foreign_keys_checked_once(BLOCK_HISTORY_TABLE):
        world.sizes["block_changes_made"] = copy_rows(
            BLOCK_HISTORY_TABLE,
            ["canvas_id", "block_key", "revision", "text", "by_id", "at"],
            rows(),
        )


def _blocks_json(rng) -> str:
    return json.dumps({key: block_text(rng, key) for key in BLOCK_KEYS}, ensure_ascii=False)


def seed_canvases(world: World):
    """Two canvases per group on average, each with its submitted versions and timeline."""
    rng = world.rng
    canvas_count, version_total = world.sizes["canvases"], world.sizes["versions"]
    first_canvas = next_id("canvases_canvas")
    first_version = next_id("canvases_canvasversion")
    canvases, versions, events = [], [], []
    version_id = first_version
    bench_groups = set(world.group_ids[:LEADER_CANVAS_GROUPS])
    for index in range(canvas_count):
        canvas_id = first_canvas + index
        group_id = world.group_ids[index % len(world.group_ids)]
        leader = world.leader_of_group[group_id]
        # Versions spread evenly: 5 each at full scale.
        count = version_total // canvas_count + (1 if index < version_total % canvas_count else 0)
        status = rng.choice(["submitted", "changes_requested", "approved", "submitted"])
        if group_id in bench_groups or group_id in world.co_led_groups:
            status = "changes_requested"
        if count == 0:
            status = "draft"
        title = rng.choice(
            [
                "มะละกอทอดกรอบ",
                "ล่องคลองมะรุย",
                "ผักอินทรีย์หน้าสวน",
                "โฮมสเตย์ริมเขื่อน",
                "ผ้าบาติกลายชุมชน",
                "ข้าวสังข์หยด",
            ]
        )
        submitted_at = world.now - datetime.timedelta(days=count * 20 + rng.randint(0, 20))
        blocks = _blocks_json(rng)
        for number in range(1, count + 1):
            blocks = _blocks_json(rng)
            versions.append((version_id, canvas_id, number, title, blocks, leader, submitted_at))
            world.versions.append((version_id, canvas_id, group_id, number == count))
            events.append((canvas_id, "submitted", leader, submitted_at, version_id, ""))
            last = number == count
            if not last or status in ("changes_requested", "approved"):
                kind = "approved" if last and status == "approved" else "changes_requested"
                decided = submitted_at + datetime.timedelta(days=rng.randint(1, 10))
                events.append(
                    (
                        canvas_id,
                        kind,
                        None,
                        decided,
                        version_id,
                        "ขอให้เพิ่มรายละเอียดเรื่องต้นทุนและการแบ่งรายได้",
                    )
                )
            submitted_at += datetime.timedelta(days=20)
            version_id += 1
        canvases.append(
            (
                canvas_id,
                group_id,
                title,
                status,
                count * REVISIONS_PER_VERSION,
                blocks,
                9,
                count,
                leader,
                world.now,
                leader,
                world.now,
            )
        )
        world.canvases.append((canvas_id, group_id, count))
        world.status[canvas_id] = status
    copy_rows(
        "canvases_canvas",
        [
            "id",
            "group_id",
            "title",
            "status",
            "revision",
            "blocks",
            "filled_blocks",
            "version_count",
            "created_by_id",
            "created_at",
            "updated_by_id",
            "updated_at",
        ],
        canvases,
    )
    reset_sequence("canvases_canvas")
    copy_rows(
        "canvases_canvasversion",
        ["id", "canvas_id", "number", "title", "blocks", "submitted_by_id", "submitted_at"],
        versions,
    )
    reset_sequence("canvases_canvasversion")
    world.version_rows = versions  # for the block history, loaded in its own transaction
    copy_rows(
        "canvases_canvasevent",
        ["canvas_id", "kind", "actor_id", "at", "version_id", "note"],
        events,
    )
    # bench_leader leads the first groups, so autosave users each have a canvas of their own.
    bench_leader = world.leader_of_group[world.group_ids[0]]
    copy_rows(
        "communities_membership",
        ["group_id", "user_id", "role", "joined_at"],
        [
            (group_id, bench_leader, "leader", world.now)
            for group_id in world.group_ids[1:LEADER_CANVAS_GROUPS]
        ],
    )


HEAVY_REVIEW_COMMENTS = 500  # the benchmark's review page carries this many comments


def seed_comments(world: World):
    """Threads of three comments (mentor, leader, mentor) on blocks of submitted versions.

    Threads on earlier versions are resolved; those on a canvas's latest
    version are open. The latest version of bench_mentor's first waiting
    canvas carries HEAVY_REVIEW_COMMENTS, the worst case of the review page.
    """
    rng = world.rng
    mentor_of_group = {g: world.mentor_user[m] for m, g in world.assignments}
    reviewer_default = world.user_ids[3]  # bench_national
    bench_mentor = world.mentor_user[world.mentor_ids[0]]
    heavy = next(
        (
            v
            for v in world.versions
            if v[3]
            and mentor_of_group.get(v[2]) == bench_mentor
            and world.status[v[1]] == "submitted"
        ),
        None,
    )
    first_thread = next_id("canvases_commentthread")
    threads, comments = [], []
    thread_id = first_thread
    total = world.sizes["comments"]
    threads_per_version = total / 3 / max(1, len(world.versions))

    def add_thread(version, block_key, count):
        nonlocal thread_id
        version_id, canvas_id, group_id, is_latest = version
        reviewer = mentor_of_group.get(group_id, reviewer_default)
        leader = world.leader_of_group[group_id]
        opened = world.now - datetime.timedelta(days=rng.randint(1, 400))
        resolved = None if is_latest else opened + datetime.timedelta(days=3)
        threads.append(
            (
                thread_id,
                canvas_id,
                version_id,
                block_key,
                reviewer,
                opened,
                resolved,
                leader if resolved else None,
            )
        )
        for index in range(count):
            author = reviewer if index % 2 == 0 else leader
            at = opened + datetime.timedelta(hours=index)
            comments.append((thread_id, author, comment_text(rng), at))
        thread_id += 1

    for version in world.versions:
        if len(comments) >= total:
            break
        count = int(threads_per_version) + (rng.random() < threads_per_version % 1)
        for key in rng.sample(BLOCK_KEYS, min(count, len(BLOCK_KEYS))):
            add_thread(version, key, 3)
    if heavy:
        for index in range(HEAVY_REVIEW_COMMENTS // 10):
            add_thread(heavy, BLOCK_KEYS[index % len(BLOCK_KEYS)], 10)
    copy_rows(
        "canvases_commentthread",
        [
            "id",
            "canvas_id",
            "version_id",
            "block_key",
            "opened_by_id",
            "opened_at",
            "resolved_at",
            "resolved_by_id",
        ],
        threads,
    )
    reset_sequence("canvases_commentthread")
    copy_rows("canvases_comment", ["thread_id", "author_id", "body", "created_at"], comments)
    world.sizes["comments_made"] = len(comments)


SECTIONS = [
    seed_users,
    seed_groups,
    seed_mentors,
    seed_assignments,
    seed_cohorts,
    seed_follow_ups,
    seed_notifications,
    seed_canvases,
    seed_block_history,
    seed_comments,
]
