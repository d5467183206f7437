"""Read an uploaded XLSForm: Ieum's own checks first (each error with sheet, row and column, in
the user's language), then pyxform for the XForm XML and the JSON definition; pyxform's own
errors are parsed for their sheet/row and re-worded through gettext where we know them."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from pyxform.errors import PyXFormError
from pyxform.xls2xform import convert

from ieum.lib.uploads import unpacks_beyond
from ieum.surveys import expressions as ex
from ieum.surveys import formdef

MAX_BYTES = 5 * 1024 * 1024
# What a workbook may unpack to. A form is a few hundred rows; a few MB of deflated zeros can
# declare a gigabyte, which openpyxl would read row by row. zipfile stops each member at its
# declared size (and fails the CRC check past it), so the declared sizes bound the unpacking.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_MEMBERS = 1000
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")
# Question types Ieum renders and judges, plus metadata pyxform fills in itself.
PLAIN_TYPES = {"text", "integer", "decimal", "date", "note", "calculate", "start", "end", "today", "deviceid"}
OPENERS = {"begin_group": "group", "begin group": "group", "begin_repeat": "repeat", "begin repeat": "repeat"}
CLOSERS = {"end_group": "group", "end group": "group", "end_repeat": "repeat", "end repeat": "repeat"}
EXPRESSION_COLUMNS = ("relevant", "constraint", "calculation", "choice_filter")


@dataclass(frozen=True)
class FormError:
    sheet: str
    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        if self.row is None:
            return _("Sheet %(sheet)s: %(problem)s") % {"sheet": self.sheet, "problem": self.message}
        return _("Sheet %(sheet)s, row %(row)s, column %(column)s: %(problem)s") % {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "problem": self.message,
        }


class XLSFormInvalid(ValueError):
    def __init__(self, errors: list[FormError]) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors


@dataclass
class LoadedForm:
    id_string: str
    title: str
    version: str
    definition: dict[str, Any]
    xform: str
    languages: list[str] = field(default_factory=list)


@dataclass
class _Sheet:
    name: str
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]

    def column(self, key: str) -> str:
        """The column as a spreadsheet user finds it: letter and header, e.g. "E (relevant)"."""
        for index, name in enumerate(self.header, start=1):
            if name == key or name.split("::")[0] == key:
                return f"{get_column_letter(index)} ({name})"
        return key


def _sheets(content: bytes) -> dict[str, _Sheet]:
    book = load_workbook(BytesIO(content), read_only=True, data_only=True)
    sheets: dict[str, _Sheet] = {}
    for ws in book.worksheets:
        rows = ws.iter_rows(values_only=True)
        header = [str(c).strip() if c is not None else "" for c in next(rows, ())]
        body = []
        for number, values in enumerate(rows, start=2):
            row = {h: str(v).strip() for h, v in zip(header, values, strict=False) if h and v is not None}
            if any(row.values()):
                body.append((number, row))
        sheets[ws.title.strip().lower()] = _Sheet(ws.title, header, body)
    book.close()
    return sheets


def load_xlsform(content: bytes) -> LoadedForm:
    """The form, or XLSFormInvalid listing every problem found."""
    if len(content) > MAX_BYTES:
        raise XLSFormInvalid([FormError("—", None, "", _("The file is larger than 5 MB."))])
    if not zipfile.is_zipfile(BytesIO(content)):
        raise XLSFormInvalid([FormError("—", None, "", _("This file is not an XLSX workbook."))])
    _check_unpacked_size(content)
    try:
        sheets = _sheets(content)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise XLSFormInvalid([FormError("—", None, "", _("This file is not an XLSX workbook."))]) from None
    errors = check_sheets(sheets)
    if errors:
        raise XLSFormInvalid(errors)
    try:
        result = convert(xlsform=BytesIO(content), file_type=".xlsx", form_name="data")
    except PyXFormError as exc:
        raise XLSFormInvalid([pyxform_error(str(exc), sheets)]) from None
    definition = result._pyxform
    settings = dict(sheets["settings"].rows[0][1]) if "settings" in sheets and sheets["settings"].rows else {}
    return LoadedForm(
        id_string=definition.get("id_string", ""),
        title=str(definition.get("title", "")),
        version=str(settings.get("version", definition.get("version", "")) or ""),
        definition=definition,
        xform=result.xform,
        languages=formdef.languages(definition),
    )


def _check_unpacked_size(content: bytes) -> None:
    try:
        with zipfile.ZipFile(BytesIO(content)) as archive:
            too_big = unpacks_beyond(archive, max_members=MAX_MEMBERS, max_bytes=MAX_UNPACKED_BYTES)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError):
        raise XLSFormInvalid([FormError("—", None, "", _("This file is not an XLSX workbook."))]) from None
    if too_big:
        message = _("The workbook is larger than %(limit)s MB once unpacked.") % {
            "limit": MAX_UNPACKED_BYTES // (1024 * 1024)
        }
        raise XLSFormInvalid([FormError("—", None, "", message)])


def check_sheets(sheets: dict[str, _Sheet]) -> list[FormError]:
    if "survey" not in sheets:
        return [
            FormError("survey", None, "", _("The workbook has no “%(value)s” sheet.") % {"value": "survey"})
        ]
    survey = sheets["survey"]
    errors = [
        FormError("survey", 1, key, _("The column “%(value)s” is missing.") % {"value": key})
        for key in ("type", "name")
        if key not in survey.header
    ]
    if errors:
        return errors
    errors += _check_language_columns(sheets)
    lists = _check_choices(sheets.get("choices"), errors)
    names = _check_names(survey, errors)
    _check_types(survey, lists, errors)
    _check_expressions(survey, names, errors)
    return errors


def _check_language_columns(sheets: dict[str, _Sheet]) -> list[FormError]:
    errors = []
    for sheet in sheets.values():
        for index, header in enumerate(sheet.header, start=1):
            if "::" in header and not formdef.CODE_IN_LANGUAGE.search(header.split("::", 1)[1]):
                errors.append(
                    FormError(
                        sheet.name,
                        1,
                        f"{get_column_letter(index)} ({header})",
                        _(
                            "The language column “%(value)s” needs an IANA code in brackets, "
                            "for example “Tiếng Việt (vi)”."
                        )
                        % {"value": header},
                    )
                )
    return errors


def _check_choices(choices: _Sheet | None, errors: list[FormError]) -> set[str]:
    if choices is None:
        return set()
    seen: set[tuple[str, str]] = set()
    for number, row in choices.rows:
        key = (row.get("list_name", ""), row.get("name", ""))
        if not key[1]:
            errors.append(
                FormError(choices.name, number, choices.column("name"), _("Every question needs a name."))
            )
        elif key in seen:
            errors.append(
                FormError(
                    choices.name,
                    number,
                    choices.column("name"),
                    _("The choice “%(value)s” appears twice in the same list.") % {"value": key[1]},
                )
            )
        seen.add(key)
    return {list_name for list_name, _name in seen}


def _check_names(survey: _Sheet, errors: list[FormError]) -> set[str]:
    names: set[str] = set()
    stack: list[tuple[str, str, int]] = []
    for number, row in survey.rows:
        kind = row.get("type", "").strip()
        name = row.get("name", "")
        if kind in CLOSERS:
            if not stack or stack[-1][0] != CLOSERS[kind]:
                errors.append(
                    FormError(
                        survey.name,
                        number,
                        survey.column("type"),
                        _("This row closes a group or repeat that was not opened."),
                    )
                )
            else:
                stack.pop()
            continue
        if not name:
            errors.append(
                FormError(survey.name, number, survey.column("name"), _("Every question needs a name."))
            )
            continue
        if not NAME.fullmatch(name):
            errors.append(
                FormError(
                    survey.name,
                    number,
                    survey.column("name"),
                    _(
                        "The name “%(value)s” must begin with a letter or underscore and contain only "
                        "letters, digits, underscores, hyphens or periods."
                    )
                    % {"value": name},
                )
            )
        elif name in names:
            errors.append(
                FormError(
                    survey.name,
                    number,
                    survey.column("name"),
                    _("The name “%(value)s” is used twice; names must be unique in a form.")
                    % {"value": name},
                )
            )
        names.add(name)
        if kind in OPENERS:
            stack.append((OPENERS[kind], name, number))
    for _kind, name, number in stack:
        errors.append(
            FormError(
                survey.name,
                number,
                survey.column("type"),
                _("“%(value)s” is opened here but never closed.") % {"value": name},
            )
        )
    return names


def _check_types(survey: _Sheet, lists: set[str], errors: list[FormError]) -> None:
    for number, row in survey.rows:
        kind = " ".join(row.get("type", "").split())
        parts = kind.split(" ")
        needs_label = kind not in CLOSERS and kind not in {"calculate", "start", "end", "today", "deviceid"}
        if needs_label and not any(v for k, v in row.items() if k.split("::")[0] in ("label", "hint")):
            errors.append(
                FormError(survey.name, number, survey.column("label"), _("This question needs a label."))
            )
        if kind in PLAIN_TYPES or kind in OPENERS or kind in CLOSERS:
            continue
        if parts[0] in ("select_one", "select_multiple") and len(parts) == 2:
            if parts[1] not in lists:
                errors.append(
                    FormError(
                        survey.name,
                        number,
                        survey.column("type"),
                        _("The choice list “%(value)s” is not on the choices sheet.") % {"value": parts[1]},
                    )
                )
            continue
        errors.append(
            FormError(
                survey.name,
                number,
                survey.column("type"),
                _("The question type “%(value)s” is not one Ieum supports.") % {"value": kind or "—"},
            )
        )


def _check_expressions(survey: _Sheet, names: set[str], errors: list[FormError]) -> None:
    for number, row in survey.rows:
        for key in EXPRESSION_COLUMNS:
            text = row.get(key, "")
            if not text:
                continue
            try:
                node = ex.parse(text)
            except ex.ExpressionError:
                errors.append(
                    FormError(
                        survey.name,
                        number,
                        survey.column(key),
                        _("The expression “%(value)s” cannot be read.") % {"value": text},
                    )
                )
                continue
            for missing in sorted(ex.references(node) - names):
                errors.append(
                    FormError(
                        survey.name,
                        number,
                        survey.column(key),
                        _("The expression refers to “%(value)s”, which is not a question in this form.")
                        % {"value": missing},
                    )
                )


PYX_ROW = re.compile(r"\[row : (\d+)\]")
PYX_SHEET = re.compile(r"On the '(\w+)' sheet")
PYX_COLUMN = re.compile(r"the '([\w:]+)' value")


def pyxform_error(text: str, sheets: dict[str, _Sheet]) -> FormError:
    """A pyxform message as sheet/row/column and a sentence in the user's language."""
    row = PYX_ROW.search(text)
    sheet_name = PYX_SHEET.search(text) or re.search(r"(survey|choices|settings)", text)
    sheet_key = sheet_name.group(1) if sheet_name else "survey"
    column = PYX_COLUMN.search(text)
    sheet = sheets.get(sheet_key)
    column_label = sheet.column(column.group(1)) if sheet and column else (column.group(1) if column else "")
    detail = PYX_ROW.sub("", text).strip()
    return FormError(
        sheet.name if sheet else sheet_key,
        int(row.group(1)) if row else None,
        column_label,
        _("The form could not be read: %(detail)s") % {"detail": detail},
    )
