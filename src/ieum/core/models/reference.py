"""Reference data as dated data (design.md "Data, not code").

Everything here is loaded from a region pack (`ieum load-region`), carries `valid_from`/`valid_to`
where it changes over time, and a `source` note. The 1 Jul 2026 Gwangju–Jeonnam merger is two
rows of MunicipalityMembership per city/county, not code.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class DatedQuerySet(models.QuerySet):
    def valid_on(self, day: dt.date) -> DatedQuerySet:
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )


class Dated(models.Model):
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    source = models.TextField(blank=True)

    objects = DatedQuerySet.as_manager()

    class Meta:
        abstract = True


class Province(Dated):
    """An upper-level local government (광역자치단체)."""

    code = models.CharField(max_length=20, unique=True)
    name_ko = models.CharField(max_length=100)
    name_en = models.CharField(max_length=100)

    def __str__(self) -> str:
        return self.name_ko


class Municipality(Dated):
    """A basic local government: city (시), county (군) or district (구)."""

    class Kind(models.TextChoices):
        CITY = "city", _("city")
        COUNTY = "county", _("county")
        DISTRICT = "district", _("district")

    code = models.CharField(max_length=20, unique=True)
    name_ko = models.CharField(max_length=100)
    name_en = models.CharField(max_length=100)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name_ko

    def province_on(self, day: dt.date) -> Province | None:
        membership = self.memberships.valid_on(day).select_related("province").first()
        return membership.province if membership else None

    def is_decline_area_on(self, day: dt.date) -> bool:
        return self.decline_designations.valid_on(day).exists()


class MunicipalityMembership(Dated):
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="memberships")
    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="memberships")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "province", "valid_from"], name="uniq_membership_period"
            )
        ]


class DeclineDesignation(Dated):
    """Population-decline area (인구감소지역) or interest area, with its designation period."""

    class Kind(models.TextChoices):
        DECLINE = "decline", _("population-decline area")
        INTEREST = "interest", _("population-decline interest area")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="decline_designations"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.DECLINE)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["municipality", "kind", "valid_from"], name="uniq_decline_period")
        ]


class CenterSite(Dated):
    code = models.CharField(max_length=20, unique=True)
    name_ko = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200)
    address = models.CharField(max_length=300, blank=True)
    phone = models.CharField(max_length=30, blank=True)

    def __str__(self) -> str:
        return self.name_ko


class SiteCoverage(Dated):
    site = models.ForeignKey(CenterSite, on_delete=models.CASCADE, related_name="coverage")
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="site_coverage")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["site", "municipality", "valid_from"], name="uniq_site_coverage")
        ]


class Nationality(models.Model):
    """ISO 3166-1 country, with Korean and English names."""

    alpha2 = models.CharField(max_length=2, unique=True)
    alpha3 = models.CharField(max_length=3, unique=True)
    numeric = models.CharField(max_length=3)
    name_en = models.CharField(max_length=200)
    name_ko = models.CharField(max_length=200)

    class Meta:
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name_ko or self.name_en


class VisaStatus(Dated):
    """A status of stay (체류자격) and what work and residence it permits."""

    class Work(models.TextChoices):
        NONE = "none", _("no work permitted")
        PERMIT = "permit", _("only with a separate work permit")
        DESIGNATED = "designated", _("only the designated job or employer")
        EPS = "eps", _("only through the Employment Permit System")
        SEASONAL = "seasonal", _("only the seasonal employer")
        AREA = "area", _("any lawful job inside the designated area")
        FREE = "free", _("any lawful job")

    code = models.CharField(max_length=12, unique=True)
    name_ko = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200)
    category = models.CharField(max_length=40)
    work = models.CharField(max_length=12, choices=Work.choices)
    work_note = models.TextField(blank=True)
    residence_note = models.TextField(blank=True)
    # Years of residence in a designated area, where the status binds the holder to one.
    residence_years = models.PositiveSmallIntegerField(null=True, blank=True)
    parent_code = models.CharField(max_length=12, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name_plural = "visa statuses"

    def __str__(self) -> str:
        return self.code


class Classification(models.Model):
    """A version of a classification: KSIC 11th revision, KSCO 8th revision."""

    scheme = models.CharField(max_length=10)  # "ksic" or "ksco"
    revision = models.PositiveSmallIntegerField()
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True)
    source = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scheme", "revision"], name="uniq_classification")]

    def __str__(self) -> str:
        return f"{self.scheme.upper()} rev. {self.revision}"


class ClassificationItem(models.Model):
    classification = models.ForeignKey(Classification, on_delete=models.CASCADE, related_name="items")
    code = models.CharField(max_length=10)
    level = models.PositiveSmallIntegerField()  # 1 = section/major group, 2 = division/sub-major …
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    name_ko = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["classification", "code"]
        constraints = [
            models.UniqueConstraint(fields=["classification", "code"], name="uniq_classification_code")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name_ko}"
