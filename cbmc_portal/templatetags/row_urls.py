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
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

# Never a real id, and no address contains it otherwise: splitting on it finds the ids' places.
_STAND_IN = 987_654_321_987
_patterns: dict[tuple, list[str]] = {}


def _pieces(name: str, arity: int) -> list[str]:
    """The address of `name` cut where its `arity` ids go, reversed once per process
    (and per URL configuration and script prefix, which reverse() also depends on)."""
    key = (name, arity, get_urlconf(), get_script_prefix())
    if key not in _patterns:
        # Escaped once here, as a template escapes `{% url %}`: the address is then safe
        # to write into a page as it is, and the rows need not escape it again.
        pieces = reverse(name, args=[_STAND_IN] * arity).split(str(_STAND_IN))
        _patterns[key] = [escape(piece) for piece in pieces]
    return _patterns[key]


@register.simple_tag
def row_url(name: str, *ids) -> str:
    """The address of view `name` for these integer ids, escaped for a page."""
    pieces = _pieces(name, len(ids))
    numbers = [str(int(value)) for value in ids]  # int() refuses what is not a number
    if not all(number.isdigit() for number in numbers):
        raise ValueError(f"not ids: {ids!r}")
    address = pieces[0]
    for number, piece in zip(numbers, pieces[1:], strict=True):
        address += number + piece
    return mark_safe(address)  # escaped pieces and digits
