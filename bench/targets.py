"""The pages the benchmark drives, each signed in as the role that uses it."""

from django.contrib.auth import get_user_model
from django.db import models
from django.urls import reverse

from bench.national import BENCH_PASSWORD
from canvases.models import Canvas, CanvasStatus, CommentThread


def _target(name, path, role="", login="", method="GET", data=None):
    return {
        "name": name,
        "path": path,
        "role": role,
        "login": login,
        "password": BENCH_PASSWORD if login else "",
        "method": method,
        "data": data or {},
    }


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


def bench_targets() -> list[dict]:
    canvases = _leader_canvases()
    canvas = canvases[0]
    autosave = _target("autosave", "", "leader", "bench_leader", method="POST")
    # Each simulated leader types into a canvas of their own, as real ones do.
    autosave["canvases"] = [
        {"path": reverse("canvases:save", args=[c["pk"]]), "revision": c["revision"]}
        for c in canvases
    ]
    autosave["path"] = autosave["canvases"][0]["path"]
    compare = reverse("canvases:compare", args=[canvas["pk"]])
    review_canvas, review_number = _heaviest_waiting_version()
    return [
        _target("floor", reverse("floor")),
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
        _target("coverage", reverse("mentors:coverage"), "staff", "bench_staff"),
        _target("region groups", reverse("communities:group_list"), "staff", "bench_staff"),
    ]
