"""`{% row_url %}` gives exactly what `{% url %}` gives, for any id, and nothing else."""

import pytest
from django.template import Context, Template
from django.urls import NoReverseMatch, clear_script_prefix, reverse, set_script_prefix
from django.utils.safestring import SafeString

from cbmc_portal.templatetags import row_urls

ONE_ID = ["mentors:group_follow_ups", "canvases:group_list", "programme:overview"]


def render(source: str, **context) -> str:
    return Template("{% load row_urls %}" + source).render(Context(context))


@pytest.mark.parametrize("name", ONE_ID)
@pytest.mark.parametrize("pk", [1, 7, 42, 987_654_321, 2**40])
def test_one_id_as_url_gives_it(name, pk):
    assert render("{% row_url name pk %}", name=name, pk=pk) == reverse(name, args=[pk])


@pytest.mark.parametrize("canvas, number", [(1, 1), (44, 5), (123456, 10)])
def test_two_ids_in_their_places(canvas, number):
    rendered = render('{% row_url "canvases:version_review" c n %}', c=canvas, n=number)

    assert rendered == reverse("canvases:version_review", args=[canvas, number])


def test_a_digit_string_is_an_id_too():
    assert render('{% row_url "canvases:group_list" "15" %}') == reverse(
        "canvases:group_list", args=[15]
    )


@pytest.mark.parametrize("bad", ["../admin", "1/../2", -3, "", None])
def test_what_is_not_an_id_is_refused(bad):
    with pytest.raises((ValueError, TypeError)):
        render('{% row_url "canvases:group_list" bad %}', bad=bad)


def test_the_wrong_number_of_ids_is_refused():
    with pytest.raises(NoReverseMatch):
        render('{% row_url "canvases:version_review" 1 %}')


def test_a_script_prefix_is_kept(monkeypatch):
    monkeypatch.setattr(row_urls, "_patterns", {})
    set_script_prefix("/portal/")
    try:
        prefixed = render('{% row_url "canvases:group_list" 3 %}')
        assert prefixed == reverse("canvases:group_list", args=[3])
        assert prefixed.startswith("/portal/")
    finally:
        clear_script_prefix()
    unprefixed = render('{% row_url "canvases:group_list" 3 %}')
    assert unprefixed == reverse("canvases:group_list", args=[3])


def test_an_address_is_escaped_as_a_template_escapes_url(monkeypatch):
    """What the tag gives is written into pages as it is (rows built in Python too), so it
    comes escaped: a prefix with `&` reads `&amp;`, as `{% url %}` gives it in a page."""
    monkeypatch.setattr(row_urls, "_patterns", {})
    set_script_prefix("/a&b/")
    try:
        tag = render('{% row_url "canvases:group_list" 3 %}')
        url = render('{% url "canvases:group_list" 3 %}')
        called = row_urls.row_url("canvases:group_list", 3)
    finally:
        clear_script_prefix()
        monkeypatch.setattr(row_urls, "_patterns", {})
    assert tag == url == called == "/a&amp;b/canvases/group/3/"
    assert isinstance(called, SafeString)
