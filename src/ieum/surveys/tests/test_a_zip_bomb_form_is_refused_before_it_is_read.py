"""An XLSForm is a zip: one that unpacks far beyond any form is refused before openpyxl reads it
(a few MB of deflated rows can declare a gigabyte; reading it took minutes and all memory)."""

from __future__ import annotations

import io
import time
import zipfile

import pytest

from ieum.surveys.tests.conftest import household_form
from ieum.surveys.xlsform import MAX_UNPACKED_BYTES, XLSFormInvalid, load_xlsform


def _with_a_huge_sheet(form: bytes) -> bytes:
    """The household form with its survey sheet padded by more than the limit of empty rows."""
    out = io.BytesIO()
    source = zipfile.ZipFile(io.BytesIO(form))
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "xl/worksheets/sheet1.xml":
                head, _sep, tail = data.decode().rpartition("</sheetData>")
                padding = "<row/>" * (MAX_UNPACKED_BYTES // 6 + 1)
                data = (head + padding + "</sheetData>" + tail).encode()
            target.writestr(member, data, compresslevel=1)
    return out.getvalue()


def test_a_form_that_unpacks_beyond_the_limit_is_refused_at_once():
    bomb = _with_a_huge_sheet(household_form())
    assert len(bomb) < 5 * 1024 * 1024  # small enough to pass the upload limit
    started = time.monotonic()
    with pytest.raises(XLSFormInvalid) as caught:
        load_xlsform(bomb)
    assert "once unpacked" in str(caught.value.errors[0])
    assert time.monotonic() - started < 2


def test_the_same_form_of_normal_size_still_loads():
    assert load_xlsform(household_form()).id_string == "household"
