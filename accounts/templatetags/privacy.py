"""Personal data in templates: `{% load privacy %}` then `{% if user|can_see_phone:person %}`."""

from django import template

from accounts import access

register = template.Library()


@register.filter
def can_see_phone(viewer, person) -> bool:
    """`accounts.access.can_see_phone`; lists prefetch with `access.phone_prefetch`."""
    return access.can_see_phone(viewer, person)
