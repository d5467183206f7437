from __future__ import annotations

import io

from django.core.management import call_command


def test_the_command_prints_counts(region):
    out = io.StringIO()

    call_command("load-region", "jeonnam", stdout=out)

    assert "provinces: 3 (0 created, 0 updated, 0 removed)" in out.getvalue()
    assert "ksic level 2: 77" in out.getvalue()
    assert "Region pack 'jeonnam' loaded: 0 created, 0 updated, 0 removed." in out.getvalue()


def test_the_underscore_spelling_works_too(region):
    out = io.StringIO()

    call_command("load_region", "jeonnam", stdout=out, verbosity=0)

    assert "loaded" in out.getvalue()
