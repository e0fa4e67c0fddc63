"""The admin speaks one language: every app and field of ours is named through gettext."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group
from django.utils.functional import Promise
from django.utils.translation import override

OUR_APPS = ["accounts", "communities", "mentors", "canvases", "programme", "dashboards"]


def _our_fields():
    for label in OUR_APPS:
        for model in apps.get_app_config(label).get_models():
            for field in model._meta.get_fields():
                if field.auto_created or not field.concrete:
                    continue
                if field.model is not model:  # inherited from Django's own abstract user
                    continue
                yield model, field


@pytest.mark.parametrize("label", OUR_APPS)
def test_every_app_has_a_translated_name(label):
    config = apps.get_app_config(label)
    assert isinstance(config.verbose_name, Promise), label


def test_every_field_of_ours_has_a_translated_name():
    untranslated = [
        f"{model._meta.label}.{field.name}"
        for model, field in _our_fields()
        if field.name != "id" and not isinstance(field.verbose_name, Promise)
    ]
    assert untranslated == []


def test_every_model_of_ours_has_a_translated_name():
    untranslated = [
        model._meta.label
        for label in OUR_APPS
        for model in apps.get_app_config(label).get_models()
        if not isinstance(model._meta.verbose_name, Promise)
    ]
    assert untranslated == []


def test_no_field_shows_its_english_attribute_name_in_thai():
    with override("th"):
        english = [
            f"{model._meta.label}.{field.name}"
            for model, field in _our_fields()
            if field.name != "id" and str(field.verbose_name) == field.name.replace("_", " ")
        ]
    assert english == []


def test_djangos_permission_groups_are_not_called_groups():
    registered = {model._meta.model_name: model for model in admin.site._registry}
    assert Group not in admin.site._registry
    proxy = registered["permissiongroup"]
    assert proxy._meta.proxy and issubclass(proxy, Group)
    with override("th"):
        assert str(proxy._meta.verbose_name_plural) == "กลุ่มสิทธิ์ผู้ดูแลระบบ"
        user_groups = apps.get_model("accounts", "User")._meta.get_field("groups")
        assert str(user_groups.verbose_name) == "กลุ่มสิทธิ์ผู้ดูแลระบบ"


def test_the_admin_index_is_thai(client, db):
    from tests.factories import UserFactory

    admin_user = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(admin_user)
    body = client.get("/admin/").content.decode()
    for thai in ["แผนธุรกิจเพื่อชุมชน", "พี่เลี้ยงและรุ่น", "แดชบอร์ดและเป้าหมาย", "กลุ่มสิทธิ์ผู้ดูแลระบบ"]:
        assert thai in body
    for english in [">Canvases<", ">Mentors<", ">Dashboards<", ">Groups<"]:
        assert english not in body
    body = client.get("/admin/canvases/canvas/add/").content.decode()
    assert "Updated at" not in body and "Created by" not in body


def test_the_admin_user_form_has_no_english_help(client, db):
    from tests.factories import UserFactory

    admin_user = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(admin_user)
    body = client.get(f"/admin/accounts/user/{admin_user.pk}/change/").content.decode()
    assert "Designates" not in body and "150 characters or fewer" not in body
    assert "กลุ่มสิทธิ์ผู้ดูแลระบบ" in body
