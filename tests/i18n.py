"""Tests that a string is said in the active language before the catalogues carry it.

The English catalogue is refreshed after a change lands, so a test that switches to
English lends the catalogue the few English texts it checks, for the test only.
"""

import contextlib

from django.utils import translation
from django.utils.translation import trans_real


@contextlib.contextmanager
def english(texts: dict[str, str]):
    """Inside: English is active and each Thai msgid in `texts` reads as its English text."""
    with translation.override("en"):
        catalog = trans_real.translation("en")._catalog
        missing = object()
        saved = {msgid: catalog.get(msgid, missing) for msgid in texts}
        try:
            for msgid, text in texts.items():
                catalog[msgid] = text
            yield
        finally:
            for msgid, old in saved.items():
                if old is missing:
                    for part in catalog._catalogs:
                        part.pop(msgid, None)
                else:
                    catalog[msgid] = old
