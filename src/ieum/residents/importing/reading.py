"""Reading an uploaded table into rows: size and real-type checks first, then CSV or XLSX.

The type is decided by the bytes, not only by the name: an .xlsx must be a zip whose content
types declare a spreadsheet, and a CSV must be text. Korean offices export CSV in CP949, so a
CSV that is not UTF-8 (with or without a BOM, or UTF-16 with a BOM) is read as CP949.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import filetype
import openpyxl
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ieum.lib.uploads import unpacks_beyond

# Rows above the header that a file may have (a title, the date of the export, a blank line).
HEADER_SCAN_ROWS = 10
# The content type of a plain workbook's main part; a macro-enabled (.xlsm) workbook differs.
XLSX_MAIN_TYPE = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and any password-protected .xlsx
MAX_ZIP_ENTRIES = 1000
CSV_EXTENSIONS = frozenset({".csv", ".txt", ".tsv"})

FILE_EMPTY = _("The file is empty.")
FILE_TOO_LARGE = _("The file is too large: the limit is %(limit)s MB.")
FILE_WRONG_TYPE = _("Only CSV or XLSX files can be imported.")
FILE_NOT_CSV = _("This file is not a CSV text file.")
FILE_NOT_XLSX = _("This file is not a readable XLSX workbook.")
FILE_OLD_EXCEL = _(
    "This workbook is in the old .xls format or protected by a password: save it as an XLSX file "
    "without a password, or as CSV."
)
FILE_UNPACKED_TOO_LARGE = _("The workbook is too large once unpacked: the limit is %(limit)s MB.")
FILE_ENCODING = _("The characters of this CSV file cannot be read: save it as UTF-8 or CP949 (EUC-KR).")
FILE_TOO_MANY_ROWS = _("The file has more than %(limit)s rows: split it into smaller files.")


@dataclass(frozen=True)
class Table:
    """Non-blank rows, each with its number as the user sees it in the file (the first row is 1)."""

    rows: list[tuple[int, list[Any]]]


def max_rows() -> int:
    return int(getattr(settings, "IEUM_IMPORT_MAX_ROWS", 50_000))


def max_unpacked_bytes() -> int:
    return int(getattr(settings, "IEUM_IMPORT_MAX_UNPACKED_BYTES", 100 * 1024 * 1024))


def _mb(limit: int) -> int:
    return max(1, limit // (1024 * 1024))


def check_size(size: int | None) -> None:
    limit = settings.IEUM_UPLOAD_MAX_BYTES
    if not size:
        raise ValidationError(FILE_EMPTY, code="empty")
    if size > limit:
        raise ValidationError(FILE_TOO_LARGE, code="too_large", params={"limit": _mb(limit)})


def read_table(file_name: str, content: bytes) -> Table:
    check_size(len(content))
    extension = Path(file_name).suffix.lower()
    if content.startswith(OLE2_MAGIC) and extension in {".xls", ".xlsx"}:
        raise ValidationError(FILE_OLD_EXCEL, code="old_excel")
    if extension == ".xlsx":
        return Table(_limited(_xlsx_rows(content)))
    if extension in CSV_EXTENSIONS:
        return Table(_limited(_csv_rows(content)))
    raise ValidationError(FILE_WRONG_TYPE, code="wrong_type")


def _limited(rows) -> list[tuple[int, list[Any]]]:
    """Non-blank rows, refusing the file as soon as it has more than the limit."""
    limit = max_rows() + HEADER_SCAN_ROWS
    kept: list[tuple[int, list[Any]]] = []
    for number, values in rows:
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        if len(kept) >= limit:
            raise ValidationError(FILE_TOO_MANY_ROWS, code="too_many_rows", params={"limit": max_rows()})
        kept.append((number, list(values)))
    return kept


def _decode(content: bytes) -> str:
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings: tuple[str, ...] = ("utf-16",)
    else:
        # A CP949 file is almost never valid UTF-8, so trying UTF-8 first is safe.
        encodings = ("utf-8-sig", "cp949")
    for encoding in encodings:
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(FILE_ENCODING, code="encoding")


def _delimiter(text: str) -> str:
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first_line.count(d) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_rows(content: bytes):
    if content.startswith(ZIP_MAGIC) or filetype.guess(content[:8192]) is not None:
        raise ValidationError(FILE_NOT_CSV, code="not_csv")
    text = _decode(content)
    if "\x00" in text:
        raise ValidationError(FILE_NOT_CSV, code="not_csv")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        # A spreadsheet shows a quoted value with line breaks as one row: number records, not lines.
        yield from enumerate(reader, start=1)
    except csv.Error:
        raise ValidationError(FILE_NOT_CSV, code="not_csv")


def check_xlsx_container(content: bytes) -> None:
    """Refuse what is not a plain workbook, and zip bombs, before openpyxl unpacks anything."""
    if not content.startswith(ZIP_MAGIC):
        raise ValidationError(FILE_NOT_XLSX, code="not_xlsx")
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            limit = max_unpacked_bytes()
            if unpacks_beyond(archive, max_members=MAX_ZIP_ENTRIES, max_bytes=limit):
                raise ValidationError(FILE_UNPACKED_TOO_LARGE, code="zip_bomb", params={"limit": _mb(limit)})
            if "[Content_Types].xml" not in archive.namelist():
                raise ValidationError(FILE_NOT_XLSX, code="not_xlsx")
            content_types = archive.read("[Content_Types].xml")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, OSError, EOFError):
        raise ValidationError(FILE_NOT_XLSX, code="not_xlsx")
    if XLSX_MAIN_TYPE not in content_types:
        raise ValidationError(FILE_NOT_XLSX, code="not_xlsx")


def _xlsx_rows(content: bytes):
    check_xlsx_container(content)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds of error on a malformed workbook
        raise ValidationError(FILE_NOT_XLSX, code="not_xlsx")
    try:
        sheet = workbook.active
        if not hasattr(sheet, "iter_rows"):  # the active sheet may be a chart
            sheet = workbook.worksheets[0]
        # The stored dimensions may be wrong or huge; without them rows are not padded.
        sheet.reset_dimensions()
        yield from enumerate(sheet.iter_rows(values_only=True), start=1)
    except ValidationError:
        raise
    except Exception:
        raise ValidationError(FILE_NOT_XLSX, code="not_xlsx")
    finally:
        workbook.close()
