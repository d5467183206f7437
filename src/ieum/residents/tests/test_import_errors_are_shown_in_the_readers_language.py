"""Row errors are stored as message ids and shown in the language of whoever reads them."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from ieum.residents import importing
from ieum.residents.tests.import_files import ROWS, csv_bytes, reference, write_catalogue

BAD_PHONE = ["KIM OLGA", "김 올가", "1988-02-03", "F", "VN", "12-34", "", "", "", "", "ru"]
PHONE_EN = "This is not a valid phone number."
PHONE_KO = "올바른 전화번호가 아닙니다."
ROW_EN = "Row %(row)s, column %(letter)s (%(column)s): %(message)s"
ROW_KO = "%(row)s행 %(letter)s열(%(column)s): %(message)s"


@pytest.fixture
def korean(settings, tmp_path):
    # The project's catalogues are not part of this test: a tiny Korean one stands in for them.
    write_catalogue(tmp_path, "ko", {PHONE_EN: PHONE_KO, ROW_EN: ROW_KO})
    settings.LOCALE_PATHS = [tmp_path]


@pytest.mark.django_db
def test_the_error_is_in_korean_for_a_korean_reader_and_in_english_for_an_english_one(counselor, korean):
    reference()
    with translation.override("en"):
        batch = importing.import_preview(
            file_name="명단.csv", content=csv_bytes([*ROWS, BAD_PHONE]), actor=counselor
        )

    with translation.override("ko"):
        [ko] = importing.batch_errors(batch)
    with translation.override("en"):
        [en] = importing.batch_errors(batch)

    assert (ko.row, ko.column, ko.message) == (4, "전화번호", PHONE_KO)
    assert (en.row, en.column, en.message) == (4, "전화번호", PHONE_EN)


@pytest.mark.django_db
def test_the_command_prints_the_error_in_the_language_asked_for(counselor, korean, tmp_path, capsys):
    reference()
    path = tmp_path / "명단.csv"
    path.write_bytes(csv_bytes([*ROWS, BAD_PHONE]))

    for language, expected in (
        ("ko", f"4행 F열(전화번호): {PHONE_KO}"),
        ("en", f"Row 4, column F (전화번호): {PHONE_EN}"),
    ):
        with pytest.raises(CommandError):
            call_command("import_residents", str(path), "--commit", "--language", language, verbosity=0)
        assert expected in capsys.readouterr().err
