from canvases import selectors
from canvases.demo import seed_canvases
from canvases.models import Canvas, CanvasStatus, CanvasVersion, CommentThread
from communities.models import Membership, MembershipRole
from tests import factories


def test_seed_canvases_is_idempotent(group, leader, staff_south, assigned_mentor):
    fruit = factories.CommunityGroupFactory(name="กลุ่มแปรรูปผลไม้ตะลุโบะ")
    groups = {"aoluek": group, "pattani_fruit": fruit}
    people = {"leader_aoluek": leader, "staff_south": staff_south, "mentor_south": assigned_mentor}
    assert Membership.objects.get(user=leader).role == MembershipRole.LEADER

    first = seed_canvases(groups, people)
    second = seed_canvases(groups, people)

    assert first["marui"].pk == second["marui"].pk
    assert Canvas.objects.count() == 2
    assert CanvasVersion.objects.filter(canvas=first["marui"]).count() == 2
    assert Canvas.objects.get(pk=first["marui"].pk).status == CanvasStatus.SUBMITTED

    # The mentor has version 2 waiting, one thread resolved and one open carried onto it.
    marui = Canvas.objects.get(pk=first["marui"].pk)
    assert [(v.canvas_id, v.number) for v in selectors.review_queue(assigned_mentor)] == [
        (marui.pk, 2)
    ]
    threads = CommentThread.objects.filter(canvas=marui).order_by("pk")
    assert [(t.block_key, t.is_open, t.comments.count()) for t in threads] == [
        ("channels", False, 2),
        ("revenue_streams", True, 2),
    ]
    on_second = selectors.threads_for_version(marui.versions.get(number=2))
    assert [t.block_key for t in on_second["revenue_streams"]] == ["revenue_streams"]
    assert on_second["channels"] == []
