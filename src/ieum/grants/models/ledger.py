from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class AppendOnly(Exception):
    """Ledger entries are never changed or deleted; a correction is a reversing entry."""


class LedgerQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnly("ledger entries cannot be updated")

    def delete(self):
        raise AppendOnly("ledger entries cannot be deleted")

    _raw_delete = delete  # type: ignore[assignment]


class LedgerEntry(models.Model):
    """One movement of a budget line: the three deltas change allocated, committed and spent.

    Each entry names the decision it carries out (approval, payment, supplementary budget …) and
    the person who made it. The line's balance columns are the running sums of these deltas.
    """

    class Kind(models.TextChoices):
        ALLOCATION = "allocation", _("allocation")
        SUPPLEMENTARY = "supplementary", _("supplementary change")
        COMMITMENT = "commitment", _("commitment")
        SPENDING = "spending", _("spending")
        PAYMENT = "payment", _("grant paid")
        RETURN = "return", _("payment returned")
        RELEASE = "release", _("commitment released")
        CLAWBACK = "clawback", _("clawback")
        REVERSAL = "reversal", _("reversal")

    at = models.DateTimeField(db_index=True)
    line = models.ForeignKey("grants.BudgetLine", on_delete=models.PROTECT, related_name="entries")
    kind = models.CharField(max_length=14, choices=Kind.choices)
    allocated_delta = models.BigIntegerField(default=0)
    committed_delta = models.BigIntegerField(default=0)
    spent_delta = models.BigIntegerField(default=0)
    program = models.ForeignKey(
        "grants.GrantProgram", null=True, blank=True, on_delete=models.PROTECT, related_name="entries"
    )
    municipality = models.ForeignKey(
        "core.Municipality", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    resident = models.ForeignKey(
        "residents.Resident", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    entitlement = models.ForeignKey(
        "grants.Entitlement", null=True, blank=True, on_delete=models.PROTECT, related_name="entries"
    )
    payment = models.ForeignKey(
        "grants.Payment", null=True, blank=True, on_delete=models.PROTECT, related_name="entries"
    )
    # The decision this entry carries out: e.g. "approval of application 12", "2024 1st
    # supplementary budget", "bank result IEUM-000003 line 4".
    decision = models.CharField(max_length=200)
    # Empty only for the allocations loaded from the budget data (their decision is the budget act).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reverses = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="reversed_by"
    )

    objects = LedgerQuerySet.as_manager()

    class Meta:
        ordering = ["at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(allocated_delta=0) | ~Q(committed_delta=0) | ~Q(spent_delta=0),
                name="grants_entry_moves_money",
            ),
        ]

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None or not self._state.adding:
            raise AppendOnly("ledger entries cannot be changed; post a reversing entry")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("ledger entries cannot be deleted; post a reversing entry")
