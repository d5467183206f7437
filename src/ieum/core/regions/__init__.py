"""Region packs: reference data as dated data, loaded from files (design.md "Data, not code").

`load_region("jeonnam")` reads `regions/jeonnam/` and writes provinces, cities/counties, their
dated province memberships, decline-area designations, center sites and coverage, nationalities,
visa statuses and the KSIC/KSCO classifications — in one transaction, idempotently. Another
province ships its own folder with the same file names (see regions/jeonnam/README.md).
"""

from ieum.core.regions.loader import load_region
from ieum.core.regions.pack import PACKS_DIR, RegionPackError

__all__ = ["PACKS_DIR", "RegionPackError", "load_region"]
