"""One bad row keeps every row out: the preview names the row and column, the commit writes nothing."""

from __future__ import annotations

import pytest

from ieum.core.models import Nationality
from ieum.residents import importing
from ieum.residents.models import ImportBatch, Resident, TimelineEvent, VisaRecord
from ieum.residents.tests.import_files import ROWS, csv_bytes, reference

BAD_PHONE = ["KIM OLGA", "김 올가", "1988-02-03", "F", "VN", "12-34", "", "", "", "", "ru"]


@pytest.mark.django_db
def test_the_preview_names_the_row_and_the_column(counselor):
    reference()
    content = csv_bytes([*ROWS, BAD_PHONE])

    batch = importing.import_preview(file_name="명단.csv", content=content, actor=counselor)

    assert (batch.total_rows, batch.created_count, importing.error_row_count(batch)) == (3, 2, 1)
    [error] = importing.batch_errors(batch)
    assert (error.row, error.letter, error.column) == (4, "F", "전화번호")
    assert error.message == "This is not a valid phone number."


@pytest.mark.django_db
def test_committing_a_file_with_a_bad_row_writes_nothing(counselor):
    reference()
    content = csv_bytes([*ROWS, BAD_PHONE])
    batch = importing.import_preview(file_name="명단.csv", content=content, actor=counselor)

    batch = importing.import_commit(batch=batch, content=content, actor=counselor)

    assert batch.status == ImportBatch.Status.REJECTED
    assert batch.created_count == 0
    assert [e["row"] for e in batch.errors] == [4]
    assert not Resident.objects.exists()
    assert not TimelineEvent.objects.exists()
    assert not VisaRecord.objects.exists()


@pytest.mark.django_db
def test_the_commit_checks_again_and_writes_nothing_when_a_row_went_bad_since_the_preview(counselor):
    reference()
    content = csv_bytes(ROWS)
    batch = importing.import_preview(file_name="명단.csv", content=content, actor=counselor)
    assert batch.errors == []
    Nationality.objects.filter(alpha3="PHL").update(alpha3="PHX")  # the second row's country code

    batch = importing.import_commit(batch=batch, content=content, actor=counselor)

    assert batch.status == ImportBatch.Status.REJECTED
    assert [(e["row"], e["column"]) for e in batch.errors] == [(3, "국적")]
    assert not Resident.objects.exists()
