"""The two instruments shipped in the repository load cleanly, in every promised language."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from ieum.surveys import formdef
from ieum.surveys.instruments import build, employer, resident
from ieum.surveys.xlsform import load_xlsform

HERE = Path(build.__file__).resolve().parent


def test_the_resident_survey_loads_in_all_thirteen_languages():
    form = load_xlsform((HERE / "resident_survey.xlsx").read_bytes())
    codes = {formdef.language_code(key) for key in form.languages}
    assert codes == {code.lower() for code, _name in settings.LANGUAGES}
    assert form.languages[0] == "한국어 (ko)"
    questions = [i for i, _r in formdef.data_fields(form.definition) if i.is_input]
    assert 15 <= len(questions) <= 25
    # No label left untranslated (pyxform writes "-" for a missing translation).
    for item, _repeat in formdef.walk(formdef.elements(form.definition)):
        if isinstance(item.label, dict):
            assert all(item.label.get(key) for key in form.languages), item.name


def test_the_employer_survey_loads_in_korean_and_english_with_its_repeats():
    form = load_xlsform((HERE / "employer_survey.xlsx").read_bytes())
    assert [formdef.language_code(k) for k in form.languages] == ["ko", "en"]
    assert [r.name for r in formdef.repeats(form.definition)] == ["occupation", "visa_use"]


@pytest.mark.parametrize("module", [resident, employer])
def test_the_shipped_workbook_matches_its_source(module):
    rebuilt = load_xlsform(build.workbook(module)).definition
    name = "resident_survey.xlsx" if module is resident else "employer_survey.xlsx"
    assert load_xlsform((HERE / name).read_bytes()).definition == rebuilt
