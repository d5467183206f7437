"""The words of consent: what items, purposes and recipients are, in every language.

PIPA asks that a provision consent name the recipient, the recipient's purpose, the items, the
retention period and the right to refuse (facts.md §5). Items and purposes are codes here, with
translatable labels, so the same consent reads right in each resident's language.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ieum.core.sensitivity import FieldClass


class Item(models.TextChoices):
    NAME = "name", _("name")
    CONTACT = "contact", _("phone number and messenger")
    BIRTH_DATE = "birth_date", _("date of birth")
    NATIONALITY = "nationality", _("nationality")
    LANGUAGES = "languages", _("languages")
    ADDRESS = "address", _("address")
    IMMIGRATION = "immigration", _("status of stay (visa) and its dates")
    HEALTH = "health", _("health information needed for the appointment")
    LABOR = "labor", _("workplace and wage problem")
    KOREAN_LEVEL = "korean_level", _("Korean level")
    WORK_HISTORY = "work_history", _("work experience, skills and certificates")
    CASE_SUMMARY = "case_summary", _("summary of the consultation")
    ARN = "arn", _("alien registration number")
    PASSPORT = "passport", _("passport number")


ITEM_CLASS: dict[str, str] = {
    Item.ARN: FieldClass.IDENTIFIER,
    Item.PASSPORT: FieldClass.IDENTIFIER,
    Item.IMMIGRATION: FieldClass.IMMIGRATION,
    Item.HEALTH: FieldClass.HEALTH,
    Item.LABOR: FieldClass.LABOR,
}


class Purpose(models.TextChoices):
    MEDICAL = "medical", _("booking and interpreting a medical appointment")
    LEGAL = "legal", _("legal or labor consultation")
    JOB_MATCHING = "job_matching", _("being considered for a job")
    INTERPRETING = "interpreting", _("interpreting for you")
    SHELTER = "shelter", _("emergency shelter")
    VISA_RECOMMENDATION = "visa_recommendation", _("a regional visa recommendation")
    GRANT = "grant", _("paying a settlement grant")
    CLASS = "class", _("a Korean class")


class RecipientKind(models.TextChoices):
    PARTNER = "partner", _("partner organisation")
    EMPLOYER = "employer", _("employer")
    AGENCY = "agency", _("public agency")
