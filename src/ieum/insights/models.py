"""Population tables for projections (imported from CSV) and policy scenarios."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PopulationRow(models.Model):
    """One cell of a KOSIS-shaped table: county × year × sex × 5-year age group."""

    county_code = models.CharField(max_length=10)
    county_name = models.CharField(max_length=100)
    year = models.PositiveSmallIntegerField()
    sex = models.CharField(max_length=1)  # M or F
    age_group = models.CharField(max_length=8)  # "0-4" … "85+"
    population = models.PositiveIntegerField()
    source = models.CharField(max_length=200)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["county_code", "year", "sex", "age_group"], name="insights_population_cell"
            )
        ]


class VitalRate(models.Model):
    age_group = models.CharField(max_length=8)
    sex = models.CharField(max_length=1)
    survival = models.FloatField()
    fertility = models.FloatField(default=0.0)
    migration = models.FloatField(default=0.0)
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True)
    source = models.CharField(max_length=200)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["age_group", "sex", "valid_from"], name="insights_rate_cell")
        ]


class Scenario(models.Model):
    name = models.CharField(_("name"), max_length=200)
    assumptions = models.JSONField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.name
