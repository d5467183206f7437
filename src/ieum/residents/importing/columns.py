"""Columns of an import file: headers in Korean or English, and the values in their cells.

Every cell may come as text (CSV, or a text cell of a workbook) or as a number or date (a
workbook). Parsers return a value for ResidentData, or raise CellError with a message id.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from openpyxl.utils import get_column_letter

from ieum.core.models import Municipality, Nationality, VisaStatus
from ieum.residents.services import SUPPORTED_LANGUAGE_CODES

# field → header names a file may use; matched after `header_key` folding.
ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("이름", "성명", "영문이름", "영문성명", "여권이름", "name", "full name", "name in passport"),
    "name_hangul": ("한글이름", "한글성명", "한글명", "name_hangul", "hangul name", "korean name"),
    "name_native": ("원어이름", "원어성명", "모국어이름", "name_native", "native name"),
    "birth_date": ("생년월일", "생일", "birth_date", "date of birth", "birthdate", "dob"),
    "sex": ("성별", "sex", "gender"),
    "nationality": ("국적", "nationality", "country"),
    "phone": ("전화번호", "연락처", "휴대전화", "휴대폰", "휴대전화번호", "phone", "phone number", "mobile"),
    "address": ("주소", "address"),
    "municipality": ("시군", "시군구", "municipality", "city", "county", "city or county"),
    "arn": ("외국인등록번호", "등록번호", "arn", "alien registration number", "registration number"),
    "passport": ("여권번호", "passport", "passport number", "passport no"),
    "visa": ("체류자격", "visa", "visa status", "status of stay"),
    "visa_from": ("체류시작일", "체류자격시작일", "visa_from", "visa from", "visa start"),
    "language": ("선호언어", "사용언어", "language", "preferred language"),
}

HEADER_NO_NAME = _("No header row was found: the first row must name the columns, including 이름 (name).")
HEADER_TWICE = _("The columns “%(first)s” and “%(second)s” hold the same information: keep only one.")

BAD_DATE = _("“%(value)s” is not a date: write it as YYYY-MM-DD, YYYY.MM.DD or YYYYMMDD.")
UNKNOWN_NATIONALITY = _(
    "There is no country “%(value)s”: use a two- or three-letter country code or the Korean country name."
)
UNKNOWN_MUNICIPALITY = _("There is no city or county “%(value)s”: use its code or its Korean name.")
AMBIGUOUS_MUNICIPALITY = _("More than one city or county is called “%(value)s”: use its code.")
UNKNOWN_VISA = _("There is no status of stay “%(value)s”: use a code such as E-9.")

_BRACKETS = re.compile(r"\(.*?\)|\[.*?\]")
_IGNORED = re.compile(r"[\s_\-./·*:]+")


def header_key(value: Any) -> str:
    """Fold a header for matching: case, spaces, punctuation, and notes in brackets go."""
    text = unicodedata.normalize("NFC", str(value or "")).casefold()
    return _IGNORED.sub("", _BRACKETS.sub("", text))


_FIELD_BY_KEY = {header_key(alias): field for field, aliases in ALIASES.items() for alias in aliases}


@dataclass(frozen=True)
class Column:
    index: int
    header: str  # as written in the file
    field: str

    @property
    def letter(self) -> str:
        return get_column_letter(self.index + 1)


def map_headers(values: list[Any]) -> dict[str, Column] | None:
    """The recognised columns of a header row, or None when the row is not the header."""
    columns: dict[str, Column] = {}
    for index, value in enumerate(values):
        field = _FIELD_BY_KEY.get(header_key(value))
        if field is None:
            continue
        header = str(value).strip()
        if field in columns:
            raise ValidationError(
                HEADER_TWICE, code="header_twice", params={"first": columns[field].header, "second": header}
            )
        columns[field] = Column(index, header, field)
    return columns if "name" in columns else None


class CellError(Exception):
    def __init__(self, message: Promise, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


def text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    return str(value).strip()


_DATE_FORMATS = (
    re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"),
    re.compile(r"(\d{4})\.\s*(\d{1,2})\.\s*(\d{1,2})\.?"),
    re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)


def parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = text(value)
    if not raw:
        return None
    for pattern in _DATE_FORMATS:
        match = pattern.fullmatch(raw)
        if match:
            try:
                return dt.date(*(int(part) for part in match.groups()))
            except ValueError:
                break
    raise CellError(BAD_DATE, value=raw[:40])


def parse_arn(value: Any) -> str:
    raw = text(value)
    # A workbook stores a number without its dash as a number and drops a leading zero
    # (people born 2000–2009): an alien registration number always has 13 digits.
    if isinstance(value, (int, float)) and raw.isdigit() and len(raw) == 12:
        raw = raw.zfill(13)
    return raw


def parse_phone(value: Any) -> str:
    raw = text(value)
    # A number cell loses the leading 0 of a Korean number (010…, 061…).
    if isinstance(value, (int, float)) and raw.isdigit() and len(raw) in (9, 10):
        raw = "0" + raw
    return raw


_SEXES = {
    "M": ("m", "male", "man", "남", "남자", "남성"),
    "F": ("f", "female", "woman", "여", "여자", "여성"),
    "X": ("x", "other", "기타"),
}
_SEX_BY_WORD = {word: code for code, words in _SEXES.items() for word in words}


def parse_sex(value: Any) -> str:
    raw = text(value)
    # An unknown word passes through, so that ResidentData.clean() names the problem.
    return _SEX_BY_WORD.get(raw.casefold(), raw)


_LANGUAGE_NAMES = {
    "ko": ("한국어", "korean"),
    "en": ("영어", "english"),
    "vi": ("베트남어", "vietnamese"),
    "zh-hans": ("중국어", "chinese", "zh", "zh-cn", "zh_hans"),
    "id": ("인도네시아어", "indonesian"),
    "km": ("크메르어", "캄보디아어", "khmer"),
    "ne": ("네팔어", "nepali"),
    "th": ("태국어", "thai"),
    "si": ("싱할라어", "sinhala"),
    "fil": ("필리핀어", "타갈로그어", "filipino", "tagalog", "tl"),
    "uz": ("우즈베크어", "우즈벡어", "uzbek"),
    "ru": ("러시아어", "russian"),
    "my": ("미얀마어", "버마어", "burmese", "myanmar"),
}


def _language_lookup() -> dict[str, str]:
    from django.conf import settings

    lookup = {code: code for code in SUPPORTED_LANGUAGE_CODES}
    lookup.update({name.casefold(): code for code, name in settings.LANGUAGES})
    lookup.update({name.casefold(): code for code, names in _LANGUAGE_NAMES.items() for name in names})
    return lookup


@dataclass
class Reference:
    """Reference data looked up by the values people write, loaded once per import."""

    nationalities: dict[str, Nationality]
    municipalities: dict[str, list[Municipality]]
    visas: dict[str, VisaStatus]
    languages: dict[str, str]

    @classmethod
    def load(cls) -> Reference:
        nationalities: dict[str, Nationality] = {}
        for nat in Nationality.objects.all():
            for key in (nat.name_en, nat.name_ko, nat.alpha3, nat.alpha2):  # codes win on a clash
                if key:
                    nationalities[key.casefold()] = nat
        municipalities: dict[str, list[Municipality]] = {}
        for mun in Municipality.objects.all():
            for key in {mun.code, *_short_names(mun.name_ko), *_short_names(mun.name_en)} - {""}:
                municipalities.setdefault(key.casefold(), []).append(mun)
        visas: dict[str, VisaStatus] = {}
        for visa in VisaStatus.objects.all():
            visas[_visa_key(visa.code)] = visa
        return cls(nationalities, municipalities, visas, _language_lookup())

    def nationality(self, value: Any) -> Nationality | None:
        raw = text(value)
        if not raw:
            return None
        try:
            return self.nationalities[raw.casefold()]
        except KeyError:
            raise CellError(UNKNOWN_NATIONALITY, value=raw[:60]) from None

    def municipality(self, value: Any) -> Municipality | None:
        raw = text(value)
        if not raw:
            return None
        found = self.municipalities.get(raw.casefold(), [])
        if len(found) > 1:
            # The same name before and after a reorganisation: the one valid today wins.
            today = timezone.localdate()
            found = [m for m in found if (m.valid_from or today) <= today <= (m.valid_to or today)]
        if not found:
            raise CellError(UNKNOWN_MUNICIPALITY, value=raw[:60])
        if len(found) > 1:
            raise CellError(AMBIGUOUS_MUNICIPALITY, value=raw[:60])
        return found[0]

    def visa(self, value: Any) -> VisaStatus | None:
        raw = text(value)
        if not raw:
            return None
        try:
            return self.visas[_visa_key(raw)]
        except KeyError:
            raise CellError(UNKNOWN_VISA, value=raw[:20]) from None

    def language(self, value: Any) -> str:
        raw = text(value)
        # Blank means the default; an unknown value passes through for ResidentData.clean().
        return self.languages.get(raw.casefold(), raw) if raw else ""


# "영암군" is also written "영암", "Yeongam-gun" also "Yeongam".
_MUNICIPALITY_SUFFIX = re.compile(r"(?<=..)[시군구]$|[\s-](?:si|gun|gu|city|county)$", re.IGNORECASE)


def _short_names(name: str) -> set[str]:
    return {name, _MUNICIPALITY_SUFFIX.sub("", name)}


def _visa_key(code: str) -> str:
    # "E-9", "e9" and "E 9" are the same status.
    return re.sub(r"[\s\-]", "", code).upper()
