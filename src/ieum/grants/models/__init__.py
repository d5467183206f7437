"""Settlement support fund and budget execution (issue 7).

registry (residents) → program → application → entitlement → payment (batch, bank file,
reconciliation) → ledger. Money is integer KRW and moves only through `grants.services`, inside
one transaction, under database constraints that make double payment and overdraft impossible.
"""

from ieum.grants.models.budget import BudgetLine
from ieum.grants.models.ledger import LedgerEntry
from ieum.grants.models.payments import GiftCertificate, Payment, PaymentBatch, ReconciliationReport
from ieum.grants.models.programs import (
    Application,
    ApplicationDocument,
    Entitlement,
    GrantProgram,
    ProgramAmount,
    ProgramCounty,
)

__all__ = [
    "Application",
    "ApplicationDocument",
    "BudgetLine",
    "Entitlement",
    "GiftCertificate",
    "GrantProgram",
    "LedgerEntry",
    "Payment",
    "PaymentBatch",
    "ProgramAmount",
    "ProgramCounty",
    "ReconciliationReport",
]
