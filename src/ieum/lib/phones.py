"""Phone numbers normalized to E.164 (facts.md §6: Korean mobiles are 010 + 8 digits)."""

from __future__ import annotations

import phonenumbers


def normalize_phone(value: str, default_region: str = "KR") -> str | None:
    """Return the E.164 form, or None when the value is not a possible phone number."""
    if not value or not value.strip():
        return None
    try:
        parsed = phonenumbers.parse(value.strip(), default_region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(parsed) or not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def phone_search_key(query: str) -> str | None:
    """Digits of a phone query in E.164, for exact lookup; accepts 010-1234-5678 or +84..."""
    return normalize_phone(query)


def format_phone_national(e164: str) -> str:
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    if parsed.country_code == 82:
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
