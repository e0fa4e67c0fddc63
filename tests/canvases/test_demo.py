from canvases.demo import seed_canvases
from canvases.models import Canvas, CanvasStatus, CanvasVersion
from communities.models import Membership, MembershipRole
from tests import factories


def test_seed_canvases_is_idempotent(group, leader, staff_south):
    fruit = factories.CommunityGroupFactory(name="กลุ่มแปรรูปผลไม้ตะลุโบะ")
    groups = {"aoluek": group, "pattani_fruit": fruit}
    people = {"leader_aoluek": leader, "staff_south": staff_south}
    assert Membership.objects.get(user=leader).role == MembershipRole.LEADER

    first = seed_canvases(groups, people)
    second = seed_canvases(groups, people)

    assert first["marui"].pk == second["marui"].pk
    assert Canvas.objects.count() == 2
    assert CanvasVersion.objects.filter(canvas=first["marui"]).count() == 2
    assert Canvas.objects.get(pk=first["marui"].pk).status == CanvasStatus.SUBMITTED
