"""What a subject's page shows of its threads (a group's plan, its results…).

    threads = SubjectThreads(request.user, group, "plan_area")   # two queries
    {"threads": threads.box(group.pk, "people"), **threads.page}

then `{% include "canvases/_subject_threads.html" with box=... %}` where the subject
is shown and `{% include "canvases/_thread_forms.html" %}` once, outside other forms.
"""

from collections import defaultdict

from django.urls import reverse

from canvases import access, reviews, selectors
from canvases.forms import SubjectCommentForm
from communities.access import is_group_leader


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
