"""Bulk import of residents from CSV and XLSX: preview with per-row errors, then commit
all-or-nothing. See batches.py for the services, rows.py for the checks of each row."""

from ieum.residents.importing.batches import (
    RowError,
    batch_errors,
    error_row_count,
    import_commit,
    import_preview,
)
from ieum.residents.importing.columns import ALIASES
from ieum.residents.importing.reading import check_size

__all__ = [
    "ALIASES",
    "RowError",
    "batch_errors",
    "check_size",
    "error_row_count",
    "import_commit",
    "import_preview",
]
