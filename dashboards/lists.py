"""The lists behind the dashboard's figures, with the page's area and filters applied.

Each returns a queryset for a paginator: one count and one page query,
whatever the data size.
"""

import datetime

from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from canvases.models import Canvas, CanvasEvent, CanvasStatus, CanvasVersion, EventKind
from communities.models import CommunityGroup, Tambon
from dashboards.programme_figures import group_condition
from dashboards.scope import Scope
from dashboards.selectors import DECISIONS, FOLLOW_UP_DAYS, cohorts_in_scope
from mentors.models import Assignment, FollowUp, Mentor


def groups(scope: Scope, *, programme: str = "", **_kwargs):
    """The counted groups; `programme`: only those behind one figure of the programme page
    (dashboards.programme_figures.GROUP_FILTERS)."""
    found = CommunityGroup.objects.filter(scope.q())
    if programme:
        found = found.filter(group_condition(programme, scope.fiscal_year.year))
    return found.with_place().order_by(
        "tambon__province__name_th", "tambon__district__name_th", "name", "pk"
    )


def tambons(scope: Scope, **_kwargs):
    """Tambons with at least one counted group, and how many."""
    return (
        Tambon.objects.filter(scope.q("groups__"))
        .select_related("district", "province")
        .annotate(group_count=Count("groups", distinct=True))
        .order_by("province__name_th", "district__name_th", "name_th")
    )


def groups_without_mentor(scope: Scope, **_kwargs):
    return groups(scope).exclude(id__in=Assignment.objects.active().values("group_id"))


def canvases(scope: Scope, *, state: str = "", **_kwargs):
    found = Canvas.objects.filter(scope.q("group__"))
    if state:
        found = found.filter(status=state)
    return found.defer("blocks").select_related("group__tambon").order_by("-updated_at", "pk")


def waiting(scope: Scope, **_kwargs):
    """Latest versions waiting for a decision, oldest first (as the review queue)."""
    return (
        CanvasVersion.objects.filter(
            scope.q("canvas__group__"),
            canvas__status=CanvasStatus.SUBMITTED,
            number=F("canvas__version_count"),
        )
        .defer("blocks", "canvas__blocks")
        .select_related("canvas__group__tambon")
        .order_by("submitted_at", "pk")
    )


def _decisions(scope: Scope):
    fy = scope.fiscal_year
    return (
        CanvasEvent.objects.filter(
            scope.q("canvas__group__"), at__gte=fy.starts_at, at__lt=fy.ends_at
        )
        .select_related(
            "version", "canvas__group__tambon__district", "canvas__group__tambon__province"
        )
        .defer("version__blocks", "canvas__blocks")
        .order_by("-at", "-pk")
    )


def decisions(scope: Scope, **_kwargs):
    """Decisions of the fiscal year, newest first, with the submission they answered."""
    return _decisions(scope).filter(kind__in=DECISIONS, version__isnull=False)


def approvals(scope: Scope, **_kwargs):
    """Approvals of the fiscal year: what the tambons reached are counted from."""
    return _decisions(scope).filter(kind=EventKind.APPROVED)


def mentors(scope: Scope, **_kwargs):
    """Mentors with an active assignment to a counted group, and how many such groups."""
    active = Assignment.objects.active().filter(scope.q("group__"))
    return (
        Mentor.objects.filter(id__in=active.values("mentor_id"))
        .select_related("user", "region")
        .annotate(
            load=Count(
                "assignments",
                filter=Q(assignments__in=active.values("id")),
                distinct=True,
            )
        )
        .order_by("-load", "user__display_name", "pk")
    )


def cohorts(scope: Scope, **_kwargs):
    return (
        cohorts_in_scope(scope)
        .select_related("region")
        .annotate(
            group_count=Count("groups", distinct=True),
            trainee_count=Count("trainees", distinct=True),
        )
        .order_by("-year", "name", "pk")
    )


def follow_ups(scope: Scope, **_kwargs):
    since = timezone.localdate() - datetime.timedelta(days=FOLLOW_UP_DAYS)
    return (
        FollowUp.objects.filter(scope.q("group__"), happened_on__gte=since)
        .select_related("mentor__user", "group__tambon__province")
        .defer("what_was_done", "next_steps")
        .order_by("-happened_on", "-pk")
    )


LISTS = {
    "groups": groups,
    "tambons": tambons,
    "no-mentor": groups_without_mentor,
    "canvases": canvases,
    "waiting": waiting,
    "decisions": decisions,
    "approvals": approvals,
    "mentors": mentors,
    "cohorts": cohorts,
    "follow-ups": follow_ups,
}


def title(figure: str, state: str = "") -> str:
    if figure == "canvases" and state:
        return _("แผนในสถานะ “%(state)s”") % {"state": CanvasStatus(state).label}
    return {
        "groups": _("กลุ่ม/องค์กรชุมชน"),
        "tambons": _("ตำบลที่มีกลุ่ม"),
        "no-mentor": _("กลุ่มที่ยังไม่มีพี่เลี้ยงดูแล"),
        "canvases": _("แผนธุรกิจเพื่อชุมชนทั้งหมด"),
        "waiting": _("แผนที่รอพิจารณา (รอนานที่สุดก่อน)"),
        "decisions": _("ผลการพิจารณาในปีงบประมาณ"),
        "approvals": _("แผนที่ผ่านการพิจารณาในปีงบประมาณ"),
        "mentors": _("พี่เลี้ยงที่ดูแลกลุ่มอยู่"),
        "cohorts": _("รุ่นที่อบรม"),
        "follow-ups": _("การติดตามเสริมพลังใน 90 วันที่ผ่านมา"),
    }[figure]
