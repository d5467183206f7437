"""Posting to the ledger: the one place that changes a budget line's balances.

Callers are inside a transaction. The line row is locked (`select_for_update`) before the entry is
written and its running sums moved, so concurrent postings queue; the line's check constraints
refuse any posting that would overdraw it, and the refusal rolls the whole decision back.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ieum.grants.models import BudgetLine, LedgerEntry


def post_entry(
    *,
    line: BudgetLine,
    kind: str,
    decision: str,
    actor: Any,
    allocated: int = 0,
    committed: int = 0,
    spent: int = 0,
    **links: Any,
) -> LedgerEntry:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("post_entry runs inside the caller's transaction")
    BudgetLine.objects.select_for_update().filter(pk=line.pk).first()
    try:
        # A savepoint, so a refused posting leaves the caller's transaction usable (PostgreSQL).
        with transaction.atomic():
            BudgetLine.objects.filter(pk=line.pk).update(
                allocated=F("allocated") + allocated,
                committed=F("committed") + committed,
                spent=F("spent") + spent,
            )
            entry = LedgerEntry.objects.create(
                at=timezone.now(),
                line=line,
                kind=kind,
                allocated_delta=allocated,
                committed_delta=committed,
                spent_delta=spent,
                decision=decision[:200],
                actor=actor,
                **links,
            )
    except IntegrityError:
        raise ValidationError(
            _("The budget line %(line)s does not have enough funds for this.") % {"line": line.name_ko},
            code="overdrawn",
        ) from None
    line.refresh_from_db(fields=["allocated", "committed", "spent"])
    return entry
