from __future__ import annotations

from ieum.core.models import Municipality, Province
from ieum.core.regions import load_region
from ieum.core.tests.region_snapshot import copy_pack, replace_in, snapshot


def test_loading_the_pack_twice_changes_nothing(region):
    before = snapshot()

    counts = load_region("jeonnam")

    assert (counts["created"], counts["updated"], counts["removed"]) == (0, 0, 0)
    assert snapshot() == before


def test_it_reports_what_the_pack_holds(region):
    counts = load_region("jeonnam")

    assert counts["provinces"] == 3
    assert counts["municipalities"] == 27
    assert counts["memberships"] == 22 + 5 + 27
    assert counts["decline designations"] == 16
    assert counts["center sites"] == 2
    assert counts["nationalities"] >= 249


def test_loading_again_puts_back_a_value_changed_in_the_database(region):
    Municipality.objects.filter(code="46830").update(name_en="Wrong")

    counts = load_region("jeonnam")

    assert Municipality.objects.get(code="46830").name_en == "Yeongam"
    assert counts["updated"] == 1


def test_an_edited_pack_updates_only_the_changed_rows(region, tmp_path):
    pack = copy_pack(tmp_path)
    replace_in(pack / "provinces.toml", 'name_en = "Jeollanam-do"', 'name_en = "South Jeolla Province"')

    counts = load_region("jeonnam", base_dir=tmp_path)

    assert Province.objects.get(code="46").name_en == "South Jeolla Province"
    assert (counts["created"], counts["updated"], counts["removed"]) == (0, 1, 0)


def test_a_period_dropped_from_the_pack_is_removed(region, tmp_path):
    pack = copy_pack(tmp_path)
    # The first list of the seven eastern ones is the HQ's period before the East center opened.
    eastern = '["46130", "46150", "46230", "46720", "46730", "46770", "46780"]'
    replace_in(pack / "centers.toml", eastern, '["46130"]')

    counts = load_region("jeonnam", base_dir=tmp_path)

    assert counts["removed"] == 6
    assert counts["site coverage"] == 29 - 6
