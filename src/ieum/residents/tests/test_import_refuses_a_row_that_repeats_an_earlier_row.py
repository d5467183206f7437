"""A file that lists the same person twice is refused at the second row."""

from __future__ import annotations

import pytest

from ieum.residents import importing
from ieum.residents.tests.import_files import ROWS, csv_bytes, reference


@pytest.mark.django_db
def test_a_repeated_registration_number_is_an_error_on_the_later_row(counselor):
    reference()
    again = [*ROWS[0]]
    again[0] = "NGUYEN V. AN"
    content = csv_bytes([ROWS[0], ROWS[1], again])

    batch = importing.import_preview(file_name="명단.csv", content=content, actor=counselor)

    [error] = importing.batch_errors(batch)
    assert error.row == 4
    assert error.message == "This row is the same person as row 2."
