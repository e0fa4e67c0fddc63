"""The pages the benchmark drives, each signed in as the role that uses it."""

from django.urls import reverse

from bench.national import BENCH_PASSWORD


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


def bench_targets() -> list[dict]:
    return [
        _target("floor", reverse("floor")),
        _target("healthz", reverse("healthz")),
        _target("sign-in page", reverse("accounts:login")),
        _target("leader home", reverse("home"), "leader", "bench_leader"),
        _target("mentor home", reverse("home"), "mentor", "bench_mentor"),
        _target("notifications", reverse("accounts:notifications"), "leader", "bench_leader"),
        _target("coverage", reverse("mentors:coverage"), "staff", "bench_staff"),
        _target("region groups", reverse("communities:group_list"), "staff", "bench_staff"),
    ]
