"""What a comment thread can be about besides a canvas block: the registry of subject kinds.

Plans, results, stories and forums are discussed the way canvas blocks are: the
same `CommentThread` and `Comment` rows, the same services (`canvases.reviews`:
`thread_open`, `comment_reply`, `comment_edit`, `thread_resolve`,
`thread_reopen`), the same notifications, forms, pages and partial templates.
A kind only says what is its own; everything else is decided from the group
the subject belongs to, the same way for every kind:

- who reads its threads: the group's readers (`access.groups_with_canvases_visible_to`);
- who opens a thread: its assigned mentors, staff of its region, national staff
  (`access.can_review_group`);
- who replies, resolves and reopens: those and the group's leaders; members read only;
- whom a comment is told to: the leaders when a mentor or staff member writes; the
  assigned mentors and the other non-leaders of the thread when a leader writes.

Registering a kind is one call, made once by the app that owns the subject
(in its `AppConfig.ready()`; canvases never imports that app):

    subjects.register(
        "story",                      # stored in CommentThread.kind (at most 30 letters)
        model=Story,                  # what CommentThread.object_id points to
        label=_("เรื่องเล่า"),           # what the subject is called in notifications
        page_url=lambda group_id, object_id, topic: reverse(...),  # the page showing it
        # optional: group_of (default obj.group_id), topics (default [""]),
        # topic_label (default: the topic as stored), group_of_topic (below)
    )

A subject shared by several groups (a learning forum and its presenting groups) is
discussed as each group's part in it: its topics are the groups' ids and
`group_of_topic(obj, topic)` gives the thread's group, used instead of `group_of`
wherever a thread's group is decided (`SubjectKind.group_id_for`); a topic that is
not one of `topics(obj)` belongs to no group.

and on its page: `canvases.subject_pages.SubjectThreads(user, group, "story")` reads
the threads in two queries and `.box(object_pk, topic)` gives each subject's threads
and form, shown by `canvases/_subject_threads.html` (with `_thread_forms.html` once).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.http import Http404

# The longest kind name and topic CommentThread stores.
MAX_KIND_CHARS = 30
MAX_TOPIC_CHARS = 40


def _group_id(obj) -> int:
    return obj.group_id


def _no_topic(obj) -> Iterable[str]:
    return [""]


def _topic_as_stored(topic: str):
    return topic


@dataclass(frozen=True)
class SubjectKind:
    """One kind of thing a group's threads can be about; see the module's docstring."""

    name: str
    model: type
    label: Any
    page_url: Callable[[int, int, str], str]
    group_of: Callable[[Any], int] = _group_id
    topics: Callable[[Any], Iterable[str]] = _no_topic
    topic_label: Callable[[str], Any] = _topic_as_stored
    group_of_topic: Callable[[Any, str], int] | None = None

    def group_id_for(self, obj, topic: str) -> int | None:
        """The group a thread on `topic` of `obj` belongs to: `group_of(obj)`, or for kinds
        with `group_of_topic` the topic's group, None when the topic is not one of
        `topics(obj)` (the caller refuses it)."""
        if self.group_of_topic is None:
            return self.group_of(obj)
        if topic not in self.topics(obj):
            return None
        return self.group_of_topic(obj, topic)

    def thread_url(self, thread) -> str:
        """The subject's page, opened on the thread."""
        page = self.page_url(thread.group_id, thread.object_id, thread.topic)
        return page.split("#")[0] + f"#thread-{thread.pk}"


_KINDS: dict[str, SubjectKind] = {}


def register(name: str, **parts) -> SubjectKind:
    """Make `name` a kind of subject threads can be opened on (once, at start-up)."""
    if not name or len(name) > MAX_KIND_CHARS:
        raise ValueError(f"a subject kind is named by 1 to {MAX_KIND_CHARS} letters: {name!r}")
    kind = SubjectKind(name=name, **parts)
    if name in _KINDS and _KINDS[name].model is not kind.model:
        raise ValueError(f"subject kind {name!r} is already registered for another model")
    _KINDS[name] = kind
    return kind


def kind_named(name: str) -> SubjectKind:
    """The registered kind; a name nobody registered is a programming error (KeyError)."""
    return _KINDS[name]


def kind_or_404(name: str) -> SubjectKind:
    """The kind a URL names; an unknown one is a page that does not exist."""
    try:
        return _KINDS[name]
    except KeyError:
        raise Http404 from None
