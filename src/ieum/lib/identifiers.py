"""Validation, normalization and masking of the identifiers Ieum stores (facts.md §6).

Pure functions, no Django: errors are returned as codes that the caller turns into messages in
the user's language.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

ARN_PATTERN = re.compile(r"^(\d{6})-?(\d{7})$")
# facts.md §6: the 7th digit of an alien registration number is 5/6 (born 1900s) or 7/8 (2000s).
ARN_CENTURY = {"5": 1900, "6": 1900, "7": 2000, "8": 2000}
ARN_CHECK_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
PASSPORT_PATTERN = re.compile(r"^[A-Z0-9]{6,12}$")
BRN_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)


@dataclass
class IdentifierCheck:
    normalized: str = ""
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _strip(value: str) -> str:
    return re.sub(r"[\s\u200b-\u200f\u202a-\u202e]", "", value or "")


def check_arn(value: str) -> IdentifierCheck:
    """Pattern + date + 7th digit are errors; the pre-Oct-2020 checksum is only a warning.

    From Oct 2020 the six digits after the 7th are random, so no checksum can be enforced
    (facts.md §6).
    """
    raw = _strip(value)
    match = ARN_PATTERN.match(raw)
    if not match:
        return IdentifierCheck(errors=["arn_format"])
    digits = match.group(1) + match.group(2)
    result = IdentifierCheck(normalized=digits)
    gender_digit = digits[6]
    century = ARN_CENTURY.get(gender_digit)
    if century is None:
        result.errors.append("arn_gender_digit")
        return result
    try:
        dt.date(century + int(digits[0:2]), int(digits[2:4]), int(digits[4:6]))
    except ValueError:
        result.errors.append("arn_birth_date")
        return result
    if arn_checksum(digits) != int(digits[12]):
        result.warnings.append("arn_checksum")
    return result


def arn_checksum(digits: str) -> int:
    # facts.md §6: X = (13 − Σ w·d mod 11) mod 10, with 13 rather than the RRN's 11.
    total = sum(w * int(d) for w, d in zip(ARN_CHECK_WEIGHTS, digits[:12], strict=True))
    return (13 - total % 11) % 10


def arn_birth_date(digits: str) -> dt.date | None:
    century = ARN_CENTURY.get(digits[6]) if len(digits) == 13 else None
    if century is None:
        return None
    try:
        return dt.date(century + int(digits[0:2]), int(digits[2:4]), int(digits[4:6]))
    except ValueError:
        return None


def arn_sex(digits: str) -> str:
    return {"5": "M", "7": "M", "6": "F", "8": "F"}.get(digits[6:7], "")


def mask_arn(digits: str) -> str:
    """Show birth date and the 7th digit only: YYMMDD-G******."""
    if len(digits) != 13:
        return "******-*******"
    return f"{digits[:6]}-{digits[6]}******"


def check_passport(value: str) -> IdentifierCheck:
    raw = _strip(value).upper()
    if not PASSPORT_PATTERN.match(raw):
        return IdentifierCheck(errors=["passport_format"])
    return IdentifierCheck(normalized=raw)


def mask_passport(normalized: str) -> str:
    if len(normalized) < 4:
        return "*" * len(normalized)
    return normalized[:2] + "*" * (len(normalized) - 4) + normalized[-2:]


def check_brn(value: str) -> IdentifierCheck:
    """Business registration number AAA-BB-CCCCD with its checksum (facts.md §6)."""
    raw = re.sub(r"[\s-]", "", value or "")
    if not re.fullmatch(r"\d{10}", raw):
        return IdentifierCheck(errors=["brn_format"])
    digits = [int(c) for c in raw]
    total = sum(w * d for w, d in zip(BRN_WEIGHTS[:8], digits[:8], strict=True))
    ninth = digits[8] * 5
    total += ninth + ninth // 10
    if (10 - total % 10) % 10 != digits[9]:
        return IdentifierCheck(normalized=raw, errors=["brn_checksum"])
    return IdentifierCheck(normalized=raw)


def looks_like_arn(query: str) -> bool:
    return bool(ARN_PATTERN.match(_strip(query)))


def looks_like_passport(query: str) -> bool:
    raw = _strip(query).upper()
    return (
        bool(PASSPORT_PATTERN.match(raw)) and any(c.isalpha() for c in raw) and any(c.isdigit() for c in raw)
    )
