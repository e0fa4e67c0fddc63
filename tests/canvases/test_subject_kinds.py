"""A kind's thread group: `group_of` for most kinds, the topic's group for shared subjects."""

from types import SimpleNamespace

from canvases.subjects import SubjectKind


def _page(group_id, object_id, topic):
    return "/"


def test_a_kind_without_group_of_topic_keeps_its_group_whatever_the_topic():
    kind = SubjectKind(name="x", model=object, label="x", page_url=_page)
    subject = SimpleNamespace(group_id=7)
    assert kind.group_id_for(subject, "") == 7
    assert kind.group_id_for(subject, "anything") == 7


def test_a_shared_subject_takes_the_group_from_a_topic_it_has_only():
    kind = SubjectKind(
        name="shared",
        model=object,
        label="x",
        page_url=_page,
        topics=lambda obj: ["3", "5"],
        group_of_topic=lambda obj, topic: int(topic),
    )
    assert kind.group_id_for(object(), "5") == 5
    assert kind.group_id_for(object(), "4") is None
    assert kind.group_id_for(object(), "") is None
