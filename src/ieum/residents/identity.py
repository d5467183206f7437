"""Identifiers of a resident: validate, encrypt, index, mask, reveal.

The plaintext never reaches the database: only the ciphertext, the keyed blind index and a
masked hint are stored (facts.md §5 "Encryption at rest").
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ieum.core import keys
from ieum.lib import identifiers as ids

MESSAGES = {
    "arn_format": _("An alien registration number has 13 digits, written as YYMMDD-GHIJKLX."),
    "arn_gender_digit": _("The 7th digit of an alien registration number must be 5, 6, 7 or 8."),
    "arn_birth_date": _(
        "The first six digits of the alien registration number are not a valid date of birth."
    ),
    "arn_checksum": _(
        "The check digit does not match the pre-October-2020 rule. Numbers issued since then are "
        "random, so please only check it against the card."
    ),
    "passport_format": _("A passport number has 6 to 12 letters and digits."),
    "brn_format": _("A business registration number has 10 digits, written as AAA-BB-CCCCD."),
    "brn_checksum": _("This business registration number fails its check digit; please check it."),
}

ARN = "arn"
PASSPORT = "passport"


def validated_arn(value: str) -> ids.IdentifierCheck:
    check = ids.check_arn(value)
    if not check.ok:
        raise ValidationError(MESSAGES[check.errors[0]], code=check.errors[0])
    return check


def validated_passport(value: str) -> ids.IdentifierCheck:
    check = ids.check_passport(value)
    if not check.ok:
        raise ValidationError(MESSAGES[check.errors[0]], code=check.errors[0])
    return check


def arn_fields(normalized: str) -> dict[str, str]:
    return {
        "arn_ciphertext": keys.encrypt(normalized),
        "arn_index": keys.blind_index(ARN, normalized),
        "arn_hint": ids.mask_arn(normalized),
    }


def passport_fields(normalized: str) -> dict[str, str]:
    return {
        "passport_ciphertext": keys.encrypt(normalized),
        "passport_index": keys.blind_index(PASSPORT, normalized),
        "passport_hint": ids.mask_passport(normalized),
    }


def arn_index_for_query(query: str) -> str | None:
    check = ids.check_arn(query)
    # A lookup tolerates a bad check digit, but not a malformed number.
    if not check.normalized or "arn_format" in check.errors:
        return None
    return keys.blind_index(ARN, check.normalized)


def passport_index_for_query(query: str) -> str | None:
    check = ids.check_passport(query)
    return keys.blind_index(PASSPORT, check.normalized) if check.ok else None
