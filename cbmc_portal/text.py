"""Text as people typed it, made safe to store and search."""


def without_control_chars(text, keep: str = "") -> str:
    """Drop C0/C1 control characters (NUL among them, which PostgreSQL refuses).

    Characters in `keep` (e.g. newline and tab for long texts) stay; format
    characters, combining marks and emoji are never touched.
    """
    return "".join(
        ch for ch in str(text or "") if ch in keep or not (ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F)
    )


def plain_number(value, *, max_digits: int = 9) -> int | None:
    """A number typed in a URL or a form (an id, a version): ASCII digits only, at most
    `max_digits` of them; None for anything else. str.isdigit() alone takes "²", which
    int() refuses, and "٣", which int() reads as 3."""
    value = str(value)
    if value.isascii() and value.isdigit() and len(value) <= max_digits:
        return int(value)
    return None
