"""The pages the benchmark drives, each signed in as the role that uses it."""

from django.contrib.auth import get_user_model
from django.db import models
from django.urls import reverse

from bench.national import BENCH_PASSWORD
from bench.thai_text import PHRASES
from canvases.blocks import BLOCK_KEYS, MAX_BLOCK_CHARS
from canvases.models import EDITABLE_STATUSES, Canvas, CanvasStatus, CommentThread
from communities.models import Membership, MembershipRole, Province, Region

# The autosave check draws its leaders from these many canvases at most.
CHECK_SHARED_CANVASES = 20
CHECK_SOLO_CANVASES = 200


def _target(name, path, role="", login="", method="GET", data=None, **extra):
    return {
        "name": name,
        "path": path,
        "role": role,
        "login": login,
        "password": BENCH_PASSWORD if login else "",
        "method": method,
        "data": data or {},
        **extra,
    }


def _largest_region() -> Region:
    """The region with the most groups: the heaviest coverage page."""
    return (
        Region.objects.annotate(groups=models.Count("provinces__tambons__groups", distinct=True))
        .order_by("-groups", "order")
        .first()
    )


def _busiest_southern_province() -> Province:
    """bench_staff's province with the most groups: the heaviest drill-down they open."""
    return (
        Province.objects.filter(region__slug="south")
        .annotate(groups=models.Count("tambons__groups", distinct=True))
        .order_by("-groups", "code")
        .first()
    )


def _leader_canvases():
    leader = get_user_model().objects.get(username="bench_leader")
    return list(
        Canvas.objects.filter(group__memberships__user=leader, version_count__gte=2)
        .order_by("pk")
        .values("pk", "revision", "version_count")
    )


def _heaviest_waiting_version():
    """The waiting version of bench_mentor's groups with the most comment threads."""
    thread = (
        CommentThread.objects.filter(
            canvas__status=CanvasStatus.SUBMITTED,
            canvas__group__mentor_assignments__mentor__user__username="bench_mentor",
            version__number=models.F("canvas__version_count"),
        )
        .values("canvas_id", "version__number")
        .annotate(threads=models.Count("pk"))
        .order_by("-threads")
        .first()
    )
    return thread["canvas_id"], thread["version__number"]


def autosave_path(pk: int) -> str:
    """The editor's autosave address (the JSON protocol)."""
    return reverse("canvases:autosave", args=[pk])


def _check_canvas(canvas: Canvas, logins: list[str]) -> dict:
    return {
        "canvas": canvas.pk,
        "path": autosave_path(canvas.pk),
        "revision": canvas.revision,
        "texts": {key: canvas.text(key) for key in BLOCK_KEYS},
        "logins": logins,
    }


def autosave_check_target(solo_canvases: int = CHECK_SOLO_CANVASES) -> dict:
    """Editable canvases for the autosave check, each with the leaders who may type in it.

    `shared`: canvases of groups with two leaders (bench/national.py makes
    some), for two leaders typing into different blocks of one canvas.
    `solo`: one canvas per group of one leader, for leaders typing alone.
    The benchmark leader's own groups are left to the page benchmark.
    """
    leaders = (
        Membership.objects.filter(role=MembershipRole.LEADER)
        .exclude(user__username="bench_leader")
        .values_list("group_id", "user__username")
        .order_by("group_id", "user_id")
    )
    bench_groups = set(
        Membership.objects.filter(user__username="bench_leader").values_list("group_id", flat=True)
    )
    by_group: dict[int, list[str]] = {}
    for group_id, username in leaders:
        if group_id not in bench_groups:
            by_group.setdefault(group_id, []).append(username)
    editable = Canvas.objects.filter(status__in=EDITABLE_STATUSES).order_by("group_id", "pk")
    shared_groups = [g for g, names in by_group.items() if len(names) >= 2]
    shared, solo, seen_groups, seen_logins = [], [], set(), set()
    for canvas in editable.filter(group_id__in=shared_groups[:CHECK_SHARED_CANVASES]):
        if canvas.group_id not in seen_groups:
            seen_groups.add(canvas.group_id)
            shared.append(_check_canvas(canvas, by_group[canvas.group_id][:2]))
    solo_groups = [g for g, names in by_group.items() if len(names) == 1]
    for canvas in editable.filter(group_id__in=solo_groups[: solo_canvases * 4]):
        login = by_group[canvas.group_id][0]
        if canvas.group_id in seen_groups or login in seen_logins:
            continue
        seen_groups.add(canvas.group_id)
        seen_logins.add(login)
        solo.append(_check_canvas(canvas, [login]))
        if len(solo) >= solo_canvases:
            break
    return {
        "name": "autosave check",
        "kind": "check",
        "password": BENCH_PASSWORD,
        "max_chars": MAX_BLOCK_CHARS,
        "block_keys": list(BLOCK_KEYS),
        "phrases": PHRASES,
        "shared": shared,
        "solo": solo,
    }


def bench_targets(check_canvases: int = CHECK_SOLO_CANVASES) -> list[dict]:
    canvases = _leader_canvases()
    canvas = canvases[0]
    autosave = _target("autosave", "", "leader", "bench_leader", method="POST")
    # Each simulated leader types into a canvas of their own, as real ones do.
    autosave["canvases"] = [
        {"path": autosave_path(c["pk"]), "revision": c["revision"]} for c in canvases
    ]
    autosave["path"] = autosave["canvases"][0]["path"]
    compare = reverse("canvases:compare", args=[canvas["pk"]])
    review_canvas, review_number = _heaviest_waiting_version()
    largest = _largest_region()
    province = _busiest_southern_province()
    return [
        _target("floor", reverse("floor")),
        # bench/urls.py, wired only in the benchmark's server (BENCH_VIEWS=1).
        _target("signed-in floor", reverse("floor_signed_in"), "leader", "bench_leader"),
        _target("healthz", reverse("healthz")),
        _target("sign-in page", reverse("accounts:login")),
        _target("leader home", reverse("home"), "leader", "bench_leader"),
        _target("mentor home", reverse("home"), "mentor", "bench_mentor"),
        _target(
            "canvas editor",
            reverse("canvases:detail", args=[canvas["pk"]]),
            "leader",
            "bench_leader",
        ),
        autosave,
        _target(
            "version", reverse("canvases:version", args=[canvas["pk"], 1]), "leader", "bench_leader"
        ),
        _target(
            "comparison", f"{compare}?a=1&b={canvas['version_count']}", "leader", "bench_leader"
        ),
        _target(
            "history", reverse("canvases:history", args=[canvas["pk"]]), "leader", "bench_leader"
        ),
        _target("review queue", reverse("canvases:queue"), "mentor", "bench_mentor"),
        _target(
            "review page",
            reverse("canvases:version_review", args=[review_canvas, review_number]),
            "mentor",
            "bench_mentor",
        ),
        _target("notifications", reverse("accounts:notifications"), "leader", "bench_leader"),
        _target(
            "coverage",
            f"{reverse('mentors:coverage')}?region={largest.slug}",
            "staff",
            "bench_national",
            note=f"largest region: {largest.slug}",
        ),
        _target("region groups", reverse("communities:group_list"), "staff", "bench_staff"),
        _target(
            "dashboard (region)",
            reverse("dashboards:index"),
            "staff",
            "bench_staff",
            note="the south, as its regional staff",
        ),
        _target(
            "dashboard (country)",
            reverse("dashboards:index"),
            "staff",
            "bench_national",
            note="the whole country, as national staff",
        ),
        _target(
            "dashboard (province)",
            reverse("dashboards:province", args=[province.code]),
            "staff",
            "bench_staff",
            note=f"drill-down to {province.code}, the south's province with the most groups",
        ),
        _target(
            "canvases CSV (country)",
            reverse("dashboards:export_canvases_csv"),
            "staff",
            "bench_national",
            kind="export",
            note="every canvas in the country, streamed",
        ),
        autosave_check_target(max(check_canvases, CHECK_SOLO_CANVASES)),
    ]
