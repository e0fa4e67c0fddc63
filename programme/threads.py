"""The programme's subjects of comment threads: the four plan areas and each period's result.

Registered once at start-up (`ProgrammeConfig.ready`); the threads, services, pages
and notifications are those of `canvases.subjects`, shared with canvas blocks.
"""

from django.urls import reverse
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canvases import subjects
from communities.models import CommunityGroup
from programme.models import Area, Result
from programme.periods import Period

PLAN_AREA = "plan_area"
RESULT = "result"


def _area_title(area: str) -> str:
    return _("ด้าน%(label)s") % {"label": Area(area).label}


def _period_title(topic: str) -> str:
    year, quarter = topic.split("-")
    return Period(int(year), int(quarter)).label


def result_topic(result: Result) -> str:
    """A result's thread topic: its period, `2568-1` (quarter 0 for the whole year)."""
    return f"{result.fiscal_year}-{result.quarter}"


def _plan_url(group_id, object_id, topic) -> str:
    return reverse("programme:plan", args=[group_id]) + f"#area-{topic}"


def _results_url(group_id, object_id, topic) -> str:
    return reverse("programme:results", args=[group_id]) + f"#result-{object_id}"


def register() -> None:
    """One call per kind (see canvases.subjects)."""
    subjects.register(
        PLAN_AREA,
        model=CommunityGroup,
        label=gettext_lazy("แผนพัฒนา 4 ด้าน"),
        page_url=_plan_url,
        group_of=lambda group: group.pk,
        topics=lambda group: Area.values,
        topic_label=lazy(_area_title, str),
    )
    subjects.register(
        RESULT,
        model=Result,
        label=gettext_lazy("ผลลัพธ์ของแผน"),
        page_url=_results_url,
        topics=lambda result: [result_topic(result)],
        topic_label=lazy(_period_title, str),
    )
