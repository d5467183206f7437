"""The commit writes only the file that was previewed: its sha256 must match the batch's."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from ieum.residents import importing
from ieum.residents.importing import storage
from ieum.residents.models import Resident
from ieum.residents.tests.import_files import ROWS, csv_bytes, reference


@pytest.mark.django_db
def test_other_bytes_than_the_previewed_ones_are_refused(counselor):
    reference()
    batch = importing.import_preview(file_name="명단.csv", content=csv_bytes(ROWS[:1]), actor=counselor)

    with pytest.raises(ValidationError) as caught:
        importing.import_commit(batch=batch, content=csv_bytes(ROWS), actor=counselor)

    assert caught.value.code == "file_changed"
    assert not Resident.objects.exists()


@pytest.mark.django_db
def test_a_kept_file_that_was_tampered_with_cannot_be_loaded(counselor):
    reference()
    batch = importing.import_preview(file_name="명단.csv", content=csv_bytes(ROWS), actor=counselor)
    path = storage.path_of(batch)
    path.write_bytes(path.read_bytes()[:-8] + b"AAAAAAAA")

    with pytest.raises(ValidationError) as caught:
        storage.load(batch)
    assert caught.value.code == "file_gone"
