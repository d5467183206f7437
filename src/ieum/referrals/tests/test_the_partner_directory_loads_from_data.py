"""The partner directory is data with a source note per row, loaded by `ieum load_partners`;
loading twice changes nothing."""

from __future__ import annotations

from django.core.management import call_command

from ieum.referrals.models import Partner


def test_the_jeonnam_directory_loads_once_with_sources(region):
    call_command("load_partners")
    count = Partner.objects.count()
    call_command("load_partners")
    assert Partner.objects.count() == count >= 10
    assert set(Partner.objects.values_list("kind", flat=True)) >= {
        "medical_center",
        "safe_hospital",
        "legal",
        "labor_office",
        "hotline_1345",
        "danuri",
        "shelter",
    }
    assert not Partner.objects.filter(source="").exists()
    assert Partner.objects.get(code="yeongam-safe-hospital").municipality.code == "46830"
