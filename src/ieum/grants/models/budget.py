from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class BudgetLine(models.Model):
    """One line of a fiscal year's budget (facts.md §0), loaded from `grants/data/budget_<year>.toml`.

    `allocated`, `committed` and `spent` are running sums of the line's ledger entries, kept in the
    same transaction as the entry under `select_for_update`; the check constraints make an
    overdrawn line impossible even if a service had a bug.
    """

    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year"))
    code = models.CharField(max_length=40)
    name_ko = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200)
    source = models.TextField(blank=True)
    allocated = models.BigIntegerField(default=0)
    committed = models.BigIntegerField(default=0)
    spent = models.BigIntegerField(default=0)

    class Meta:
        ordering = ["fiscal_year", "code"]
        constraints = [
            models.UniqueConstraint(fields=["fiscal_year", "code"], name="grants_one_line_per_code"),
            models.CheckConstraint(condition=Q(committed__gte=0), name="grants_committed_not_negative"),
            models.CheckConstraint(condition=Q(spent__gte=0), name="grants_spent_not_negative"),
            models.CheckConstraint(
                condition=Q(allocated__gte=F("committed") + F("spent")), name="grants_line_not_overdrawn"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.fiscal_year} {self.name_ko}"

    @property
    def available(self) -> int:
        return self.allocated - self.committed - self.spent

    @property
    def execution_rate(self) -> float:
        """Spent share of the allocation, 0–1 (the execution rate of Korean budget statements)."""
        return self.spent / self.allocated if self.allocated else 0.0
