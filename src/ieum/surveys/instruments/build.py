"""Build the two shipped instruments as XLSForm workbooks from the readable data in this folder.

    python -m ieum.surveys.instruments.build      # rewrites resident_survey.xlsx, employer_survey.xlsx

The forms live as Python data (resident.py, employer.py) so reviewers and translators read and
diff text, not binary workbooks; the .xlsx files are what officers upload or ODK downloads.
Translations of the resident survey are drafts by the developer awaiting native review, like the
site catalogues (facts.md §0: the center's languages).
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent


def workbook(form) -> bytes:
    """`form` has LANGUAGES [(code, name)], SURVEY rows, CHOICES rows and SETTINGS (a dict).
    A row's translated cells are tuples in LANGUAGES order."""
    columns = [f"{name} ({code})" for code, name in form.LANGUAGES]
    book = Workbook()
    survey = book.active
    survey.title = "survey"
    extra = ["relevant", "constraint", "required", "choice_filter", "calculation", "appearance"]
    survey.append(
        ["type", "name"]
        + [f"label::{c}" for c in columns]
        + [f"hint::{c}" for c in columns]
        + [f"constraint_message::{c}" for c in columns]
        + extra
    )
    for row in form.SURVEY:
        survey.append(
            [row["type"], row.get("name", "")]
            + _cells(row.get("label"), len(columns))
            + _cells(row.get("hint"), len(columns))
            + _cells(row.get("constraint_message"), len(columns))
            + [row.get(key, "") for key in extra]
        )
    choices = book.create_sheet("choices")
    filters = sorted({k for row in form.CHOICES for k in row if k not in ("list_name", "name", "label")})
    choices.append(["list_name", "name"] + [f"label::{c}" for c in columns] + filters)
    for row in form.CHOICES:
        choices.append(
            [row["list_name"], row["name"]]
            + _cells(row["label"], len(columns))
            + [row.get(f, "") for f in filters]
        )
    settings = book.create_sheet("settings")
    settings.append(list(form.SETTINGS))
    settings.append(list(form.SETTINGS.values()))
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _cells(value, width: int) -> list[str]:
    if value is None:
        return [""] * width
    if isinstance(value, str):
        return [value] * width  # the same in every language (codes, place names)
    if len(value) != width:
        raise ValueError(f"{len(value)} translations for {width} languages: {value[0]!r}")
    return list(value)


def main() -> None:
    from ieum.surveys.instruments import employer, resident

    for module, name in ((resident, "resident_survey.xlsx"), (employer, "employer_survey.xlsx")):
        (HERE / name).write_bytes(workbook(module))
        print(f"wrote {name}")


if __name__ == "__main__":
    main()
