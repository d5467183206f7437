"""A UTF-8 CSV (with or without a byte-order mark) is previewed, then committed resident by resident."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest

from ieum.residents import identity, importing
from ieum.residents.models import ImportBatch, NameToken, Resident, ResidentLanguage, TimelineEvent
from ieum.residents.tests.import_files import ROWS, csv_bytes, reference


@pytest.mark.django_db
@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
def test_a_utf8_csv_is_previewed_without_writing_and_then_committed(counselor, bom):
    reference()
    content = bom + csv_bytes(ROWS)

    batch = importing.import_preview(file_name="명단.csv", content=content, actor=counselor)
    assert (batch.status, batch.total_rows, batch.created_count, batch.unchanged_count) == (
        "previewed",
        2,
        2,
        0,
    )
    assert batch.errors == []
    assert not Resident.objects.exists()

    batch = importing.import_commit(batch=batch, content=content, actor=counselor)
    assert batch.status == ImportBatch.Status.COMMITTED
    assert batch.created_count == 2
    an = Resident.objects.get(name="NGUYEN VAN AN")
    assert an.name_hangul == "응우옌 반 안"
    assert an.birth_date == dt.date(1995, 3, 14)
    assert (an.sex, an.nationality.alpha2, an.municipality.code) == ("M", "VN", "46830")
    assert an.phone == "+821012345678"
    assert an.preferred_language == "vi"
    assert an.arn_index == identity.arn_index_for_query("950314-5123456")
    assert an.visas.get().status.code == "E-9"
    assert an.visas.get().valid_from == dt.date(2024, 5, 1)
    maria = Resident.objects.get(name="SANTOS MARIA")
    assert maria.birth_date == dt.date(1990, 7, 2)
    assert maria.nationality.alpha2 == "PH"
    assert maria.municipality.name_ko == "영암군"
    assert not maria.visas.exists()


@pytest.mark.django_db
def test_each_imported_resident_gets_the_same_record_as_one_made_by_hand(counselor):
    reference()
    content = csv_bytes(ROWS)
    batch = importing.import_preview(file_name="명단.csv", content=content, actor=counselor)
    importing.import_commit(batch=batch, content=content, actor=counselor)

    for resident in Resident.objects.all():
        event = TimelineEvent.objects.get(resident=resident, kind="resident.imported")
        assert event.params == {"file": "명단.csv"}
        assert event.actor == counselor
        assert NameToken.objects.filter(resident=resident).exists()
        assert ResidentLanguage.objects.filter(
            resident=resident, language=resident.preferred_language
        ).exists()
    assert not TimelineEvent.objects.filter(kind="resident.created").exists()
