"""Views that exist only while the benchmark runs (settings.BENCH_VIEWS, see bench/urls.py)."""

from functools import cache

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.template import engines


@cache
def _bare_layout():
    # A string template: the bench app is not installed when DEBUG is off, so its
    # own templates folder is not searched; the portal's base.html is.
    return engines["django"].from_string('{% extends "base.html" %}')


@login_required
def signed_in_floor(request):
    """The signed-in floor: session and user loaded, the base layout (header, menu, bell)
    rendered, and no page data. What every signed-in page pays before its own work."""
    return HttpResponse(_bare_layout().render({}, request))
