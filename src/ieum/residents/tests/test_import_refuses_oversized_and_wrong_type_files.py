"""Files that are too large, of another type, zip bombs or too long are refused before any row is read."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest
from django.core.exceptions import ValidationError

from ieum.residents import importing
from ieum.residents.models import ImportBatch
from ieum.residents.tests.import_files import ROWS, csv_bytes, reference, xlsx_bytes


def _refused(file_name: str, content: bytes, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        importing.import_preview(file_name=file_name, content=content, actor=None)
    assert caught.value.code == code
    assert not ImportBatch.objects.exists()


@pytest.mark.django_db
def test_a_file_over_the_upload_limit_is_refused(settings):
    settings.IEUM_UPLOAD_MAX_BYTES = 100
    _refused("명단.csv", csv_bytes(ROWS), "too_large")


@pytest.mark.django_db
def test_an_empty_file_is_refused():
    _refused("명단.csv", b"", "empty")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("file_name", "content", "code"),
    [
        ("명단.pdf", b"%PDF-1.7\n...", "wrong_type"),
        ("명단.xlsm", b"PK\x03\x04...", "wrong_type"),
        ("명단.csv", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "not_csv"),
        ("명단.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not_csv"),
        ("명단.xlsx", "이름,생년월일\nA,1990-01-01\n".encode(), "not_xlsx"),
        ("명단.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "old_excel"),
    ],
)
def test_a_file_whose_bytes_are_not_what_its_name_says_is_refused(file_name, content, code):
    _refused(file_name, content, code)


@pytest.mark.django_db
def test_a_zip_that_is_not_a_workbook_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:  # a Word document, say
        archive.writestr(
            "[Content_Types].xml",
            '<Types><Override ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr("word/document.xml", "<w:document/>")
    _refused("명단.xlsx", out.getvalue(), "not_xlsx")


@pytest.mark.django_db
def test_a_zip_bomb_is_refused_before_openpyxl_opens_it(settings, monkeypatch):
    settings.IEUM_IMPORT_MAX_UNPACKED_BYTES = 1024 * 1024
    out = io.BytesIO(xlsx_bytes([]))
    with zipfile.ZipFile(out, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", b"\0" * (2 * 1024 * 1024))  # ~2 KB packed
    content = out.getvalue()
    assert len(content) < 30_000

    def never(*args, **kwargs):
        raise AssertionError("openpyxl must not open a zip bomb")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    _refused("명단.xlsx", content, "zip_bomb")


@pytest.mark.django_db
def test_a_file_with_more_rows_than_the_limit_is_refused(settings):
    reference()
    settings.IEUM_IMPORT_MAX_ROWS = 3
    _refused("명단.csv", csv_bytes([ROWS[0]] * 4), "too_many_rows")
    _refused("명단.xlsx", xlsx_bytes([ROWS[0]] * 4), "too_many_rows")


@pytest.mark.django_db
def test_a_file_without_a_name_column_is_refused():
    _refused("명단.csv", "국적,생년월일\nVN,1990-01-01\n".encode(), "no_header")
