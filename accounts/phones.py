"""Thai phone numbers: one person whether typed 081-234-5678, 0812345678 or +66812345678."""

import phonenumbers

DEFAULT_REGION = "TH"


def normalize_phone(raw: str) -> str | None:
    """Return the number in E.164 (`+66812345678`), or None when it is not a valid number."""
    if not raw or not any(ch.isdigit() for ch in raw):
        return None
    try:
        number = phonenumbers.parse(raw.strip(), DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def looks_like_phone(raw: str) -> bool:
    """True when a sign-in name is meant as a phone number rather than a username."""
    stripped = raw.strip().replace("-", "").replace(" ", "")
    return stripped.startswith(("+", "0")) and stripped.lstrip("+").isdigit()


def display_phone(e164: str) -> str:
    """`+66812345678` shown as Thai people write it: `081-234-5678`."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return e164
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return national.replace(" ", "-")
