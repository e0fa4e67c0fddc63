"""`{% row_url "app:name" id %}`: a row's address in a long list, without a reverse() per row.

`{% url %}` resolves the view's pattern anew for every row (about 16 µs each on
the development machine); a mentor's home has four addresses per group, and
for 39 groups they took a quarter of the page's rendering. The pattern is
reversed once with stand-in ids and the row's ids are put in their place.

Only for views whose arguments are integer ids (`<int:…>`), as in every list
of the portal: anything else is refused rather than put in a URL unquoted.
"""

from django import template
from django.urls import get_script_prefix, get_urlconf, reverse

register = template.Library()

# Never a real id, and no address contains it otherwise: splitting on it finds the ids' places.
_STAND_IN = 987_654_321_987
_patterns: dict[tuple, list[str]] = {}


def _pieces(name: str, arity: int) -> list[str]:
    """The address of `name` cut where its `arity` ids go, reversed once per process
    (and per URL configuration and script prefix, which reverse() also depends on)."""
    key = (name, arity, get_urlconf(), get_script_prefix())
    if key not in _patterns:
        _patterns[key] = reverse(name, args=[_STAND_IN] * arity).split(str(_STAND_IN))
    return _patterns[key]


@register.simple_tag
def row_url(name: str, *ids) -> str:
    pieces = _pieces(name, len(ids))
    numbers = [str(int(value)) for value in ids]  # int() refuses what is not a number
    if not all(number.isdigit() for number in numbers):
        raise ValueError(f"not ids: {ids!r}")
    address = pieces[0]
    for number, piece in zip(numbers, pieces[1:], strict=True):
        address += number + piece
    return address
