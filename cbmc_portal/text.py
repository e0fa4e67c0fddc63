"""Text as people typed it, made safe to store and search."""


def without_control_chars(text, keep: str = "") -> str:
    """Drop C0/C1 control characters (NUL among them, which PostgreSQL refuses).

    Characters in `keep` (e.g. newline and tab for long texts) stay; format
    characters, combining marks and emoji are never touched.
    """
    return "".join(
        ch for ch in str(text or "") if ch in keep or not (ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F)
    )
