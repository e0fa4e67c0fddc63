"""The programme's subjects of comment threads: the four plan areas, each period's result,
each story, and each
presenting group's part in a learning forum (the thread's group is that group).

Registered once at start-up (`ProgrammeConfig.ready`); the threads, services, pages
and notifications are those of `canvases.subjects`, shared with canvas blocks.
"""

from django.urls import reverse
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canvases import subjects
from communities.models import CommunityGroup
from programme.models import Area, Forum, Result, Story
from programme.periods import Period

PLAN_AREA = "plan_area"
RESULT = "result"
STORY = "story"
FORUM = "forum"


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


def _story_url(group_id, object_id, topic) -> str:
    return reverse("programme:story_detail", args=[object_id]) + "#threads"


def forum_topic(group_id: int) -> str:
    """A forum thread's topic: the presenting group's id (its part in the forum)."""
    return str(group_id)


def _forum_url(group_id, object_id, topic) -> str:
    return reverse("programme:forum_detail", args=[object_id]) + f"#forum-group-{topic}"


def _forum_topics(forum: Forum) -> list[str]:
    return [forum_topic(pk) for pk in forum.groups.values_list("pk", flat=True)]


def _presenting_group_title(topic: str) -> str:
    # No query: a forum page names every thread's topic, under the group's own name.
    return _("สิ่งที่กลุ่มนำเสนอในเวที")


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
    subjects.register(
        STORY,
        model=Story,
        label=gettext_lazy("เรื่องเล่า"),
        page_url=_story_url,
    )
    subjects.register(
        FORUM,
        model=Forum,
        label=gettext_lazy("เวทีแลกเปลี่ยนเรียนรู้"),
        page_url=_forum_url,
        topics=_forum_topics,
        topic_label=lazy(_presenting_group_title, str),
        group_of=lambda forum: None,
        group_of_topic=lambda forum, topic: int(topic),
    )
