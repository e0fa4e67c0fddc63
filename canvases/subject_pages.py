"""What a subject's page shows of its threads (a group's plan, its results…).

    threads = SubjectThreads(request.user, group, "plan_area")   # two queries
    {"threads": threads.box(group.pk, "people"), **threads.page}

then `{% include "canvases/_subject_threads.html" with box=... %}` where the subject
is shown and `{% include "canvases/_thread_forms.html" %}` once, outside other forms.

A subject shared by several groups (a forum: one part per presenting group) uses
`SharedSubjectThreads`, whose boxes carry their own `can_take_part`.
"""

from collections import defaultdict

from django.urls import reverse

from canvases import access, reviews, selectors
from canvases.forms import SubjectCommentForm
from communities.access import can_see_region, is_group_leader
from communities.models import MembershipRole
from mentors.selectors import mentor_assigned_group_ids


class SubjectThreads:
    """The group's threads of one kind, prepared for `user`, by (object id, topic)."""

    def __init__(self, user, group, kind_name: str):
        self.kind_name = kind_name
        self.by_subject = defaultdict(list)
        for thread in selectors.subject_threads(group, kind_name):
            self.by_subject[(thread.object_id, thread.topic)].append(thread)
        reviews.prepare_threads(self.by_subject, user)
        self.can_open = access.can_review_group(user, group)
        self.page = {
            "all_threads": [thread for some in self.by_subject.values() for thread in some],
            "can_take_part": self.can_open or is_group_leader(user, group),
        }

    def box(self, object_pk: int, topic: str = "") -> dict:
        """One subject's threads, and the form to open one when the user may."""
        form = None
        if self.can_open:
            form = SubjectCommentForm(
                initial={"topic": topic}, auto_id=f"id_{self.kind_name}_{object_pk}_{topic}_%s"
            )
        return {
            "threads": self.by_subject.get((object_pk, topic), []),
            "form": form,
            "action": reverse("canvases:subject_thread_open", args=[self.kind_name, object_pk]),
        }


def _form(kind_name, object_pk, topic):
    return SubjectCommentForm(
        initial={"topic": topic}, auto_id=f"id_{kind_name}_{object_pk}_{topic}_%s"
    )


class SharedSubjectThreads:
    """The threads of one subject shared by `groups` (each group's part is the topic
    `str(group.pk)`), prepared for `user`: a fixed number of queries whatever the groups
    (the groups the user reads, the groups they mentor and lead, the threads and comments).

    The rules are those of `access.can_review_group` and `can_take_part_in_group_threads`,
    decided from those sets rather than asked group by group.
    """

    def __init__(self, user, kind_name: str, subject, groups):
        self.kind_name = kind_name
        self.subject_pk = subject.pk
        ids = [group.pk for group in groups]
        readable = set(
            access.groups_with_canvases_visible_to(user)
            .filter(pk__in=ids)
            .values_list("pk", flat=True)
        )
        self.readable = readable
        mentored = mentor_assigned_group_ids(user)
        led = set()
        if user.is_authenticated and readable:
            led = set(
                user.memberships.filter(
                    role=MembershipRole.LEADER, group_id__in=readable
                ).values_list("group_id", flat=True)
            )
        self.by_group = defaultdict(list)
        if readable:
            for thread in selectors.shared_subject_threads(kind_name, subject.pk, readable):
                self.by_group[thread.group_id].append(thread)
        reviews.prepare_threads(self.by_group, user)
        self.rights = {}
        for group in groups:
            if group.pk not in readable:
                continue
            can_open = can_see_region(user, group.region_id) or group.pk in mentored
            self.rights[group.pk] = (can_open, can_open or group.pk in led)
        taking_part = [pk for pk, (_, part) in self.rights.items() if part]
        self.page = {
            "all_threads": [thread for pk in taking_part for thread in self.by_group[pk]],
            "can_take_part": bool(taking_part),
        }

    def box(self, group) -> dict | None:
        """The group's part: its threads, whether the user takes part, the form to open one
        when the user may; None for a group whose threads the user does not read."""
        if group.pk not in self.rights:
            return None
        can_open, can_take_part = self.rights[group.pk]
        topic = str(group.pk)
        return {
            "threads": self.by_group.get(group.pk, []),
            "form": _form(self.kind_name, self.subject_pk, topic) if can_open else None,
            "action": reverse(
                "canvases:subject_thread_open", args=[self.kind_name, self.subject_pk]
            ),
            "can_take_part": can_take_part,
        }
