"""Alien registration and passport numbers are encrypted at rest and found by blind index."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.db import connection

from ieum.residents import selectors
from ieum.residents.services import ResidentData, resident_create

ARN = "950314-5123456"
ARN_DIGITS = "9503145123456"
PASSPORT = "C12345678"


def _create(**extra):
    data = ResidentData(
        name="NGUYEN VAN AN",
        name_hangul="응우옌 반 안",
        birth_date=dt.date(1995, 3, 14),
        arn=ARN,
        passport=PASSPORT,
        **extra,
    )
    return resident_create(data=data, actor=None)


@pytest.mark.django_db(transaction=True)
def test_no_identifier_appears_in_plaintext_in_the_database():
    resident = _create()
    assert resident.arn_ciphertext and ARN_DIGITS not in resident.arn_ciphertext
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM residents_resident")
        raw_rows = repr(cursor.fetchall())
    assert ARN_DIGITS not in raw_rows and "950314-5" not in raw_rows.replace("950314-5******", "")
    assert PASSPORT not in raw_rows
    if connection.vendor == "sqlite":
        connection.close()  # flush the WAL into the main file before reading it raw
        db_file = Path(connection.settings_dict["NAME"])
        # The test database is a real file (settings: TEST NAME), so this check cannot be skipped.
        assert db_file.exists(), db_file
        blob = db_file.read_bytes()
        wal = Path(str(db_file) + "-wal")
        blob += wal.read_bytes() if wal.exists() else b""
        assert b"residents_resident" in blob  # we are reading the right file
        assert ARN_DIGITS.encode() not in blob
        assert PASSPORT.encode() not in blob


@pytest.mark.django_db
def test_lookup_by_arn_finds_the_person_with_or_without_the_dash():
    resident = _create()
    assert selectors.search_residents(ARN).residents == [resident]
    assert selectors.search_residents(ARN_DIGITS).residents == [resident]
    assert selectors.search_residents(PASSPORT.lower()).residents == [resident]


@pytest.mark.django_db
def test_lookup_by_another_arn_finds_nobody():
    _create()
    assert selectors.search_residents("950314-5123457").residents == []


@pytest.mark.django_db
def test_identifiers_are_shown_masked():
    resident = _create()
    assert resident.arn_hint == "950314-5******"
    assert resident.passport_hint == "C1*****78"
