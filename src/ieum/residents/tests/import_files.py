"""Helpers for the import tests: reference rows, real CSV and XLSX files, a tiny catalogue."""

from __future__ import annotations

import array
import csv
import io
import struct
from pathlib import Path
from typing import Any

import openpyxl

from ieum.residents.tests.factories import MunicipalityFactory, NationalityFactory, VisaStatusFactory

KO_HEADERS = [
    "이름",
    "한글이름",
    "생년월일",
    "성별",
    "국적",
    "전화번호",
    "시군",
    "외국인등록번호",
    "체류자격",
    "체류시작일",
    "선호언어",
]
EN_HEADERS = [
    "name",
    "name_hangul",
    "birth_date",
    "sex",
    "nationality",
    "phone",
    "municipality",
    "arn",
    "visa",
    "visa_from",
    "language",
]
ROWS = [
    [
        "NGUYEN VAN AN",
        "응우옌 반 안",
        "1995-03-14",
        "M",
        "VN",
        "010-1234-5678",
        "46830",
        "950314-5123456",
        "E-9",
        "2024-05-01",
        "vi",
    ],
    ["SANTOS MARIA", "산토스 마리아", "1990.07.02", "F", "PHL", "010-2345-6789", "영암군", "", "", "", "fil"],
]


def reference() -> None:
    """The few rows of reference data the files name (the region pack loads the real ones)."""
    NationalityFactory()
    NationalityFactory(alpha2="PH", alpha3="PHL", numeric="608", name_en="Philippines", name_ko="필리핀")
    MunicipalityFactory()
    VisaStatusFactory()


def csv_bytes(rows: list[list[Any]], *, headers: list[str] = KO_HEADERS, encoding: str = "utf-8") -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def xlsx_bytes(
    rows: list[list[Any]], *, headers: list[str] = EN_HEADERS, above: list[list[Any]] = ()
) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in [*above, headers, *rows]:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def write_catalogue(locale_dir: Path, language: str, messages: dict[str, str]) -> None:
    """A compiled gettext catalogue (.mo) with `messages`, as msgfmt would write it."""
    header = "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=1; plural=0;\n"
    entries = sorted({"": header, **messages}.items())
    ids = strs = b""
    offsets = []
    for msgid, msgstr in entries:
        key, value = msgid.encode(), msgstr.encode()
        offsets.append((len(ids), len(key), len(strs), len(value)))
        ids += key + b"\0"
        strs += value + b"\0"
    key_start = 7 * 4 + 16 * len(entries)
    value_start = key_start + len(ids)
    table = []
    for id_offset, id_length, _str_offset, _str_length in offsets:
        table += [id_length, id_offset + key_start]
    for _id_offset, _id_length, str_offset, str_length in offsets:
        table += [str_length, str_offset + value_start]
    output = struct.pack("Iiiiiii", 0x950412DE, 0, len(entries), 7 * 4, 7 * 4 + len(entries) * 8, 0, 0)
    target = locale_dir / language / "LC_MESSAGES"
    target.mkdir(parents=True, exist_ok=True)
    (target / "django.mo").write_bytes(output + array.array("i", table).tobytes() + ids + strs)
