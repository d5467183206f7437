"""XLSForms built in code (real-world shapes: multilingual labels, repeats, choice filters, skip
logic) so each test shows the form it uses."""

from __future__ import annotations

from io import BytesIO

import pytest
from openpyxl import Workbook

from ieum.surveys.services import survey_upload

EN, VI = "label::English (en)", "label::Tiếng Việt (vi)"


def xlsform(
    survey: list[list], choices: list[list] | None = None, settings: list[list] | None = None
) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "survey"
    for row in survey:
        sheet.append(row)
    for title, rows in (("choices", choices), ("settings", settings)):
        if rows:
            extra = book.create_sheet(title)
            for row in rows:
                extra.append(row)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def household_form(version: str = "1", extra: bool = False) -> bytes:
    """A small household form: skip logic, a constraint with messages, a choice filter, a repeat."""
    head = [
        "type",
        "name",
        EN,
        VI,
        "hint::English (en)",
        "relevant",
        "constraint",
        "constraint_message::English (en)",
        "constraint_message::Tiếng Việt (vi)",
        "required",
        "choice_filter",
        "calculation",
    ]
    rows = [
        head,
        [
            "integer",
            "age",
            "Age",
            "Tuổi",
            "In years",
            "",
            ". >= 15 and . < 100",
            "Between 15 and 99",
            "Từ 15 đến 99",
            "yes",
            "",
            "",
        ],
        [
            "select_one yesno",
            "works",
            "Do you work?",
            "Bạn có đi làm không?",
            "",
            "${age} >= 18",
            "",
            "",
            "",
            "yes",
            "",
            "",
        ],
        ["text", "employer", "Employer", "Nơi làm việc", "", "${works} = 'yes'", "", "", "", "", "", ""],
        ["select_one region", "region", "Region", "Vùng", "", "", "", "", "", "", "", ""],
        ["select_one county", "county", "County", "Huyện", "", "", "", "", "", "", "region=${region}", ""],
        ["select_multiple need", "needs", "Needs", "Nhu cầu", "", "", "", "", "", "", "", ""],
        ["calculate", "adult", "", "", "", "", "", "", "", "", "", "if(${age} >= 18, 'yes', 'no')"],
        ["begin_repeat", "child", "Child", "Con", "", "", "", "", "", "", "", ""],
        ["text", "child_name", "Child's name", "Tên con", "", "", "", "", "", "", "", ""],
        ["integer", "child_age", "Child's age", "Tuổi con", "", "", ". < ${age}", "", "", "", "", ""],
        ["end_repeat", "", "", "", "", "", "", "", "", "", "", ""],
    ]
    if extra:
        rows.append(["text", "comment", "Comment", "Ý kiến", "", "", "", "", "", "", "", ""])
    choices = [
        ["list_name", "name", EN, VI, "region"],
        ["yesno", "yes", "Yes", "Có", ""],
        ["yesno", "no", "No", "Không", ""],
        ["region", "west", "West", "Miền Tây", ""],
        ["region", "east", "East", "Miền Đông", ""],
        ["county", "yeongam", "Yeongam", "Yeongam", "west"],
        ["county", "haenam", "Haenam", "Haenam", "west"],
        ["county", "yeosu", "Yeosu", "Yeosu", "east"],
        ["need", "korean", "Korean classes", "Lớp tiếng Hàn", ""],
        ["need", "housing", "Housing", "Nhà ở", ""],
        ["need", "health", "Health care", "Y tế", ""],
    ]
    settings = [
        ["form_id", "form_title", "version", "default_language"],
        ["household", "Household", version, "English (en)"],
    ]
    return xlsform(rows, choices, settings)


@pytest.fixture
def household(db, officer):
    return survey_upload(content=household_form(), actor=officer).survey


GOOD_ANSWERS = {
    "age": "34",
    "works": "yes",
    "employer": "=cmd|' /C calc'!A0",
    "region": "west",
    "county": "haenam",
    "needs": "korean health",
    "child": [{"child_name": "Lan", "child_age": "5"}, {"child_name": "Minh", "child_age": "2"}],
}
