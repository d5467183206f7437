"""Dates, numbers and won amounts written the way each language writes them (CLDR via Babel).

Plain functions of a value and a Django language code; the template filters in
`ieum.core.templatetags.ieum_format` call them with the active language.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_datetime
from babel.numbers import format_currency, format_decimal

FALLBACK = "en"


def babel_locale(language: str | None) -> Locale:
    """Django's "zh-hans" is CLDR's "zh_Hans"; anything unknown falls back to English."""
    code = (language or FALLBACK).replace("-", "_")
    if "_" in code:
        head, tail = code.split("_", 1)
        code = f"{head}_{tail.title() if len(tail) == 4 else tail.upper()}"
    try:
        return Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        return Locale.parse(FALLBACK)


def local_date(value: dt.date | None, language: str | None) -> str:
    if value is None:
        return ""
    return format_date(value, format="medium", locale=babel_locale(language))


def local_datetime(value: dt.datetime | None, language: str | None, tz: dt.tzinfo | None = None) -> str:
    if value is None:
        return ""
    if tz is not None and value.tzinfo is not None:
        value = value.astimezone(tz)
    return format_datetime(value, format="short", locale=babel_locale(language))


def local_number(value: int | float | Decimal | None, language: str | None) -> str:
    if value is None:
        return ""
    return format_decimal(value, locale=babel_locale(language))


def krw(value: int | Decimal | None, language: str | None) -> str:
    """A won amount: whole won, the currency sign where that language puts it."""
    if value is None:
        return ""
    return format_currency(value, "KRW", locale=babel_locale(language), currency_digits=True)


def language_name(code: str | None, language: str | None) -> str:
    """The name of language `code` written in the reader's `language` ("vi" → "베트남어" in ko)."""
    if not code:
        return ""
    try:
        name = babel_locale(code).get_display_name(babel_locale(language))
    except (ValueError, UnknownLocaleError):
        return code
    return name or code
