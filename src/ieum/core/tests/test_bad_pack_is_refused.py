from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from ieum.core.models import Province
from ieum.core.regions import RegionPackError, load_region
from ieum.core.tests.region_snapshot import copy_pack, replace_in, snapshot

# (file, text to replace, replacement, words the error must contain)
BREAKAGES = [
    (
        "municipalities.toml",
        "latitude = 34.8002",
        'latitude = "north"',
        ["municipalities.toml", "46830", "latitude"],
    ),
    ("municipalities.toml", 'kind = "county"', 'kind = "shire"', ["municipalities.toml", "46710", "kind"]),
    ("municipalities.toml", 'name_en = "Mokpo"', 'name_en = "Mokpo"\nmayor = "x"', ["46110", "mayor"]),
    ("provinces.toml", '"29110", "29140"', '"29110", "29999"', ["provinces.toml", "membership", "29999"]),
    # Gwangju's districts would still be in Gwangju in July, when they are already in the merged one.
    (
        "provinces.toml",
        '"29200"]\nvalid_to = 2026-06-30',
        '"29200"]\nvalid_to = 2026-07-31',
        ["provinces.toml", "29110", "two provinces"],
    ),
    (
        "decline_areas.toml",
        "valid_from = 2021-10-18",
        "valid_from = 2021-18-10",
        ["decline_areas.toml", "TOML"],
    ),
    ("visa_statuses.toml", 'work = "eps"', 'work = "any"', ["visa_statuses.toml", "E-9", "work"]),
    ("centers.toml", 'site = "east"', 'site = "west"', ["centers.toml", "coverage", "west"]),
    ("ksco.csv", "A0,2,A,", "A0,2,Z,", ["ksco.csv", "line", "parent"]),
    ("nationalities.csv", "VN,VNM,704", "VN,VNM,7040", ["nationalities.csv", "VN", "numeric"]),
]


@pytest.mark.parametrize(("filename", "old", "new", "words"), BREAKAGES)
def test_a_bad_pack_file_is_refused_with_its_name_and_entry(region, tmp_path, filename, old, new, words):
    pack = copy_pack(tmp_path)
    replace_in(pack / filename, old, new)
    before = snapshot()

    with pytest.raises(RegionPackError) as refused:
        load_region("jeonnam", base_dir=tmp_path)

    for word in words:
        assert word in str(refused.value)
    assert snapshot() == before


def test_nothing_is_written_when_the_last_file_is_bad(region, tmp_path):
    # The province rename would be written first; the broken KSCO file comes last.
    pack = copy_pack(tmp_path)
    replace_in(pack / "provinces.toml", 'name_en = "Jeollanam-do"', 'name_en = "Renamed"')
    replace_in(pack / "ksco.csv", "99,2,9,", "99,2,,")

    with pytest.raises(RegionPackError, match="ksco.csv"):
        load_region("jeonnam", base_dir=tmp_path)

    assert Province.objects.get(code="46").name_en == "Jeollanam-do"


def test_the_command_refuses_a_bad_pack_naming_the_file(region, tmp_path):
    pack = copy_pack(tmp_path)
    replace_in(pack / "visa_statuses.toml", 'category = "study"', 'category = "leisure"')

    with pytest.raises(CommandError, match=r"visa_statuses\.toml.*D-2.*category"):
        call_command("load-region", "jeonnam", packs_dir=tmp_path, verbosity=0)


def test_an_unknown_pack_name_is_refused(db):
    with pytest.raises(RegionPackError, match="No region pack 'atlantis'"):
        load_region("atlantis")
