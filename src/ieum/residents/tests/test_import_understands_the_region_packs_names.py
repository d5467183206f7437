"""With the real Jeonnam region pack: countries, cities/counties and statuses as offices write them."""

from __future__ import annotations

import pytest

from ieum.core.regions import load_region
from ieum.residents import importing
from ieum.residents.models import Resident
from ieum.residents.tests.import_files import csv_bytes

ROWS = [
    ["NGUYEN THI HOA", "", "1996-04-05", "여", "베트남", "", "영암", "", "F-2-R", "2025-07-01", "vi"],
    ["RAI BIKASH", "", "1993-11-20", "남", "NPL", "", "목포시", "", "E-9", "2023-03-02", "ne"],
    ["SOK DARA", "", "1999-01-09", "M", "KH", "", "46830", "", "e74r", "2025-09-15", "km"],
]


@pytest.mark.django_db
def test_rows_written_the_way_offices_write_them_are_understood(counselor):
    load_region("jeonnam")
    content = csv_bytes(ROWS)

    batch = importing.import_preview(file_name="명단.csv", content=content, actor=counselor)
    assert batch.errors == []
    importing.import_commit(batch=batch, content=content, actor=counselor)

    hoa, bikash, dara = Resident.objects.order_by("pk")
    assert (hoa.nationality.alpha2, hoa.municipality.name_ko, hoa.visas.get().status.code) == (
        "VN",
        "영암군",
        "F-2-R",
    )
    assert (bikash.nationality.alpha2, bikash.municipality.name_ko) == ("NP", "목포시")
    assert (dara.nationality.alpha2, dara.municipality.code, dara.visas.get().status.code) == (
        "KH",
        "46830",
        "E-7-4R",
    )
