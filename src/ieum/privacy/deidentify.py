"""De-identified data for analysts: pseudonymous ids, coarse fields, small cells suppressed.

Analysts never see names or identifiers (privacy issue §7). A pseudonym is a keyed hash of the
record id, stable across exports (so analysts can join tables) but not reversible without the key.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections import Counter
from collections.abc import Iterable, Sequence

from django.conf import settings

SMALL_CELL = 5  # cells with fewer people than this are suppressed


def pseudonym(resident_id: int) -> str:
    key = ("pseudonym:" + settings.IEUM_BLIND_INDEX_KEY).encode()
    return "P" + hmac.new(key, str(resident_id).encode(), hashlib.sha256).hexdigest()[:16]


def age_band(birth_date: dt.date | None, on: dt.date) -> str:
    if birth_date is None:
        return "unknown"
    age = on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
    if age < 20:
        return "<20"
    if age >= 60:
        return "60+"
    low = age // 10 * 10
    return f"{low}-{low + 9}"


def suppress_small_cells(counts: Counter, threshold: int = SMALL_CELL) -> list[dict[str, object]]:
    """Each cell as a row; a cell under the threshold reports no number, only that it is small."""
    rows: list[dict[str, object]] = []
    for key, count in sorted(counts.items(), key=lambda kv: tuple(str(k) for k in kv[0])):
        suppressed = count < threshold
        rows.append({"cell": list(key), "count": None if suppressed else count, "suppressed": suppressed})
    return rows


def crosstab(records: Iterable[Sequence[object]]) -> Counter:
    return Counter(tuple(r) for r in records)
