"""Uploaded XLSForms: real-world shapes load; broken ones say where (sheet, row, column) and what,
in the reader's language."""

from __future__ import annotations

import pytest
from django.utils import translation

from ieum.surveys import formdef
from ieum.surveys.tests.conftest import EN, household_form, xlsform
from ieum.surveys.xlsform import XLSFormInvalid, load_xlsform


def errors_of(content: bytes) -> list:
    with pytest.raises(XLSFormInvalid) as caught:
        load_xlsform(content)
    return caught.value.errors


def test_a_multilingual_form_with_a_repeat_a_choice_filter_and_skip_logic_loads():
    form = load_xlsform(household_form(version="2024"))
    assert form.id_string == "household"
    assert form.version == "2024"
    assert form.languages == ["English (en)", "Tiếng Việt (vi)"]
    assert '<translation lang="Tiếng Việt (vi)"' in form.xform
    assert 'jr:template=""' in form.xform  # the repeat
    names = [item.name for item, _repeat in formdef.data_fields(form.definition)]
    assert names == [
        "age",
        "works",
        "employer",
        "region",
        "county",
        "needs",
        "adult",
        "child_name",
        "child_age",
    ]
    county = next(i for i, _r in formdef.data_fields(form.definition) if i.name == "county")
    assert county.choice_filter == "region=${region}"
    assert [c["name"] for c in formdef.allowed_choices(county, {"region": "west"})] == ["yeongam", "haenam"]


def test_a_form_with_groups_notes_dates_and_a_default_language_loads():
    content = xlsform(
        [
            [
                "type",
                "name",
                "label::한국어 (ko)",
                "label::English (en)",
                "required",
                "required_message::한국어 (ko)",
            ],
            ["begin_group", "work", "일", "Work", "", ""],
            ["note", "intro", "안내", "About", "", ""],
            ["date", "since", "입사일", "Hired on", "yes", "입사일을 입력하세요"],
            ["decimal", "hours", "주당 시간", "Hours a week", "", ""],
            ["end_group", "", "", "", "", ""],
        ],
        settings=[["form_id", "version", "default_language"], ["work_form", "3", "한국어 (ko)"]],
    )
    form = load_xlsform(content)
    assert form.languages[0] == "한국어 (ko)"
    assert formdef.language_key(form.definition, "en") == "English (en)"
    assert formdef.language_key(form.definition, "vi") == "한국어 (ko)"  # not offered: the default


def test_an_employer_form_with_a_nested_repeat_of_occupations_loads():
    content = xlsform(
        [
            ["type", "name", "label::한국어 (ko)", "label::English (en)", "constraint"],
            ["integer", "workers", "근로자 수", "Workers", ". >= 0"],
            ["begin_repeat", "occupation", "직종", "Occupation", ""],
            ["select_one ksco", "ksco", "직종 코드", "KSCO code", ""],
            ["integer", "vacancies", "빈 일자리", "Vacancies", ". >= 0 and . <= ${workers}"],
            ["end_repeat", "", "", "", ""],
        ],
        [
            ["list_name", "name", "label::한국어 (ko)", "label::English (en)"],
            ["ksco", "7", "기능원", "Craft workers"],
        ],
        [["form_id", "version"], ["employers", "1"]],
    )
    assert load_xlsform(content).id_string == "employers"


BROKEN = [
    # (what is wrong, the survey rows, the choices rows, sheet, row, column header)
    (
        "duplicate name",
        [["type", "name", EN], ["integer", "age", "Age"], ["integer", "age", "Again"]],
        None,
        "survey",
        3,
        "name",
    ),
    (
        "unknown type",
        [["type", "name", EN], ["text", "a", "A"], ["geotrace", "b", "B"]],
        None,
        "survey",
        3,
        "type",
    ),
    (
        "missing list",
        [["type", "name", EN], ["select_one colours", "c", "Colour"]],
        [["list_name", "name", EN], ["yesno", "yes", "Yes"]],
        "survey",
        2,
        "type",
    ),
    (
        "unclosed group",
        [["type", "name", EN], ["begin_group", "g", "G"], ["text", "t", "T"]],
        None,
        "survey",
        2,
        "type",
    ),
    (
        "stray end",
        [["type", "name", EN], ["text", "t", "T"], ["end_repeat", "", ""]],
        None,
        "survey",
        3,
        "type",
    ),
    (
        "bad reference",
        [["type", "name", EN, "relevant"], ["integer", "a", "A", ""], ["text", "b", "B", "${zzz} > 1"]],
        None,
        "survey",
        3,
        "relevant",
    ),
    (
        "bad expression",
        [["type", "name", EN, "constraint"], ["integer", "a", "A", ". >>> 3"]],
        None,
        "survey",
        2,
        "constraint",
    ),
    ("no label", [["type", "name", EN], ["text", "a", ""]], None, "survey", 2, "label"),
    ("bad name", [["type", "name", EN], ["text", "1st", "First"]], None, "survey", 2, "name"),
    (
        "language without a code",
        [["type", "name", "label::Vietnamese"], ["text", "a", "A"]],
        None,
        "survey",
        1,
        "label::Vietnamese",
    ),
    (
        "duplicate choice",
        [["type", "name", EN], ["select_one yn", "q", "Q"]],
        [["list_name", "name", EN], ["yn", "yes", "Yes"], ["yn", "yes", "Yes again"]],
        "choices",
        3,
        "name",
    ),
]


@pytest.mark.parametrize(
    ("case", "rows", "choices", "sheet", "row", "column"), BROKEN, ids=[b[0] for b in BROKEN]
)
def test_a_broken_form_is_refused_with_its_sheet_row_and_column(case, rows, choices, sheet, row, column):
    errors = errors_of(xlsform(rows, choices))
    assert any(e.sheet == sheet and e.row == row and column in e.column for e in errors), [
        str(e) for e in errors
    ]


def test_form_errors_read_in_the_users_language():
    content = xlsform([["type", "name", EN], ["integer", "age", "Age"], ["integer", "age", "Again"]])
    error = errors_of(content)[0]
    with translation.override("en"):
        assert str(error).startswith("Sheet survey, row 3, column B (name):")
        assert "used twice" in str(error)


def test_an_error_only_pyxform_finds_keeps_its_row():
    # Parameters a question type does not take: pyxform's "[row : n]" becomes the row.
    content = xlsform([["type", "name", EN, "parameters"], ["text", "a", "A", "foo=bar"]])
    errors = errors_of(content)
    assert (errors[0].sheet, errors[0].row, errors[0].column) == ("survey", 2, "D (parameters)")


def test_a_file_that_is_not_a_workbook_is_refused():
    assert "XLSX" in str(errors_of(b"type,name\ntext,a\n")[0])
