"""`ieum import_residents FILE [--commit]`: checks without --commit, writes all rows with it."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from ieum.residents.models import ImportBatch, Resident
from ieum.residents.tests.import_files import ROWS, reference, xlsx_bytes


@pytest.mark.django_db
def test_the_command_checks_and_then_commits(tmp_path, capsys):
    reference()
    path = tmp_path / "residents.xlsx"
    path.write_bytes(xlsx_bytes(ROWS))

    call_command("import_residents", str(path), "--language", "en", verbosity=0)
    out = capsys.readouterr().out
    assert "Rows: 2. New: 2. Already recorded: 0. Rows with errors: 0." in out
    assert not Resident.objects.exists()

    call_command("import_residents", str(path), "--commit", "--language", "en", verbosity=0)
    assert "The import was committed." in capsys.readouterr().out
    assert Resident.objects.count() == 2
    assert ImportBatch.objects.filter(status="committed").count() == 1
