"""A group that moves takes its counted canvases with it: the summary rows repeat its place."""

import pytest
from django.urls import reverse

from canvases import services
from canvases.models import DecisionTally, GroupTally, MonthTally
from tests import factories
from tests.communities.test_group_views import _group_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved_plan(group, leader, staff_south):
    canvas = services.canvas_create(group=group, by=leader, title="ล่องคลองมะรุย")
    services.canvas_save_blocks(
        canvas=canvas,
        by=leader,
        blocks=dict(factories.THAI_BLOCKS),
        base_revision=canvas.revision,
        save_id="r1",
    )
    version = services.canvas_submit(canvas=canvas, by=leader)
    services.canvas_approve(canvas=canvas, version=version, by=staff_south, summary="ผ่าน")
    return canvas


@pytest.fixture
def chiang_mai_tambon(north):
    province = factories.ProvinceFactory(code="50", name_th="เชียงใหม่", region=north)
    district = factories.DistrictFactory(code="5001", province=province)
    return factories.TambonFactory(code="500101", district=district, name_th="ศรีภูมิ")


def places(group):
    return {
        (row.region_id, row.province_id, row.tambon_id)
        for model in (GroupTally, MonthTally, DecisionTally)
        for row in model.objects.filter(group=group)
    }


def region_figures(client, user, region):
    client.force_login(user)
    response = client.get(reverse("dashboards:index"), {"region": region.slug})
    assert response.status_code == 200
    return response.context["data"].total


def test_a_group_given_another_tambon_is_counted_in_its_new_region(
    client, group, approved_plan, national_staff, south, north, chiang_mai_tambon
):
    assert places(group) == {(south.pk, "81", "810501")}
    client.force_login(national_staff)
    response = client.post(
        reverse("communities:group_edit", args=[group.pk]), _group_post(chiang_mai_tambon.pk)
    )
    assert response.status_code == 302
    assert places(group) == {(north.pk, "50", "500101")}
    assert region_figures(client, national_staff, north).approved == 1
    assert region_figures(client, national_staff, south).approved == 0


def test_a_province_moved_to_another_region_in_the_admin_moves_its_groups(
    client, group, approved_plan, south, north, krabi
):
    admin = factories.UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    response = client.post(
        reverse("admin:communities_province_change", args=[krabi.pk]), {"region": north.pk}
    )
    assert response.status_code == 302
    assert places(group) == {(north.pk, "81", "810501")}
    assert DecisionTally.objects.get(group=group).region_id == north.pk


def test_saving_a_group_without_moving_it_leaves_its_rows_alone(
    client, group, approved_plan, staff_south, south
):
    before = list(GroupTally.objects.filter(group=group).values())
    client.force_login(staff_south)
    response = client.post(
        reverse("communities:group_edit", args=[group.pk]), _group_post(group.tambon_id)
    )
    assert response.status_code == 302
    assert list(GroupTally.objects.filter(group=group).values()) == before
