"""Rows of long lists written in Python rather than as template loops.

A row of a mentor's home or a region's group list is a few links, names and
translated phrases; as a template loop each costs dozens of node renders and
variable lookups, and with 30 to 50 rows a page spent most of its time there.
The functions here build the same HTML with `format_html`, which escapes
every value; translated phrases come from gettext with their values escaped
as `{% blocktranslate %}` escapes them.
"""

from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

# A plan waiting for review this many days or more is shown in red, in every list.
LATE_AFTER_DAYS = 7


def _shown(value) -> str:
    # A whole number reads the same localized (the portal groups no thousands), and
    # localize() would look up four number formats for it.
    return str(value) if isinstance(value, int) else localize(value)


def filled(translated: str, **values) -> SafeString:
    """A translated phrase with its `%(name)s` places filled by escaped values."""
    return mark_safe(
        translated % {name: conditional_escape(_shown(value)) for name, value in values.items()}
    )


def joined(rows, separator: str = "\n") -> SafeString:
    """Rows already built with format_html, as one safe string."""
    return mark_safe(separator.join(rows))
