"""The one resident record: identity, visas, household, languages, Korean level, documents.

Identifiers (ARN, passport) are stored only encrypted, with a keyed blind index for exact lookup
and a masked hint for display (facts.md §5, §6). Every service adds its events to the timeline.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Sex(models.TextChoices):
    MALE = "M", _("male")
    FEMALE = "F", _("female")
    OTHER = "X", _("other or not stated")


class ResidentQuerySet(models.QuerySet):
    def active(self) -> ResidentQuerySet:
        return self.filter(merged_into__isnull=True)


class Resident(models.Model):
    ref = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # One name as written in the passport; no first/last split (style.md).
    name = models.CharField(_("name as in passport"), max_length=200)
    name_native = models.CharField(_("name in native script"), max_length=200, blank=True)
    name_hangul = models.CharField(_("name in Hangul"), max_length=200, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True, db_index=True)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True)
    nationality = models.ForeignKey(
        "core.Nationality", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    ethnic_korean = models.BooleanField(_("ethnic Korean (동포)"), default=False)
    preferred_language = models.CharField(_("preferred language"), max_length=8, default="ko")
    phone = models.CharField(_("phone (E.164)"), max_length=20, blank=True, db_index=True)
    email = models.EmailField(_("e-mail"), blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    municipality = models.ForeignKey(
        "core.Municipality", null=True, blank=True, on_delete=models.PROTECT, related_name="residents"
    )

    arn_ciphertext = models.TextField(blank=True)
    arn_index = models.CharField(max_length=64, blank=True, db_index=True)
    arn_hint = models.CharField(max_length=20, blank=True)
    passport_ciphertext = models.TextField(blank=True)
    passport_index = models.CharField(max_length=64, blank=True, db_index=True)
    passport_hint = models.CharField(max_length=20, blank=True)
    passport_country = models.CharField(max_length=2, blank=True)

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="resident"
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_from"
    )
    # The staff member who registered this person at the desk (not an import): a counselor keeps
    # reach to the record they created until a case gives it to their queue (see access.py).
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ResidentQuerySet.as_manager()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name_hangul or self.name

    @property
    def display_names(self) -> list[str]:
        return [n for n in (self.name, self.name_native, self.name_hangul) if n]


class NameToken(models.Model):
    """Search tokens of a resident's names across scripts (see ieum.lib.names)."""

    resident = models.ForeignKey(Resident, on_delete=models.CASCADE, related_name="name_tokens")
    token = models.CharField(max_length=64)

    class Meta:
        indexes = [models.Index(fields=["token", "resident"], name="name_token_idx")]
        constraints = [models.UniqueConstraint(fields=["resident", "token"], name="uniq_name_token")]


class ResidentLanguage(models.Model):
    class Level(models.TextChoices):
        NATIVE = "native", _("native")
        FLUENT = "fluent", _("fluent")
        WORKING = "working", _("working")
        BASIC = "basic", _("basic")

    resident = models.ForeignKey(Resident, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(max_length=12)  # BCP 47 / ISO 639 code
    level = models.CharField(max_length=8, choices=Level.choices, default=Level.NATIVE)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["resident", "language"], name="uniq_resident_lang")]


class MessengerHandle(models.Model):
    class Kind(models.TextChoices):
        KAKAOTALK = "kakaotalk", "KakaoTalk"
        ZALO = "zalo", "Zalo"
        LINE = "line", "LINE"
        WHATSAPP = "whatsapp", "WhatsApp"
        TELEGRAM = "telegram", "Telegram"
        VIBER = "viber", "Viber"
        FACEBOOK = "facebook", "Facebook Messenger"
        WECHAT = "wechat", "WeChat"

    resident = models.ForeignKey(Resident, on_delete=models.CASCADE, related_name="messengers")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    handle = models.CharField(max_length=200)


class VisaRecord(models.Model):
    resident = models.ForeignKey(Resident, on_delete=models.CASCADE, related_name="visas")
    status = models.ForeignKey("core.VisaStatus", on_delete=models.PROTECT, related_name="+")
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True)
    sponsor = models.CharField(_("sponsor or employer"), max_length=200, blank=True)
    sponsor_brn = models.CharField(max_length=10, blank=True)
    municipality = models.ForeignKey(
        "core.Municipality", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-valid_from"]
        indexes = [models.Index(fields=["status", "valid_from"])]


class HouseholdLink(models.Model):
    class Relation(models.TextChoices):
        SPOUSE = "spouse", _("spouse")
        CHILD = "child", _("child")
        PARENT = "parent", _("parent")
        SIBLING = "sibling", _("sibling")
        OTHER = "other", _("other relative")

    resident = models.ForeignKey(Resident, on_delete=models.CASCADE, related_name="household")
    relation = models.CharField(max_length=8, choices=Relation.choices)
    # A relative who is a resident too, or only a name (e.g. a Korean spouse, a child abroad).
    relative = models.ForeignKey(
        Resident, null=True, blank=True, on_delete=models.CASCADE, related_name="household_of"
    )
    relative_name = models.CharField(max_length=200, blank=True)
    relative_birth_date = models.DateField(null=True, blank=True)
    relative_is_korean = models.BooleanField(default=False)


class KoreanProficiency(models.Model):
    class Kind(models.TextChoices):
        TOPIK = "topik", _("TOPIK level")
        KIIP = "kiip", _("KIIP stage")
        EPS_TOPIK = "eps_topik", _("EPS-TOPIK score")
        COURSE = "course", _("course completed")

    resident = models.ForeignKey(Resident, on_delete=models.CASCADE, related_name="korean")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    level = models.PositiveSmallIntegerField()
    achieved_on = models.DateField(null=True, blank=True)
    # A certified test result, as against a self-report or a course completion.
    certified = models.BooleanField(default=False)
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-achieved_on"]


class Education(models.Model):
    class Level(models.TextChoices):
        NONE = "none", _("no formal schooling")
        PRIMARY = "primary", _("primary school")
        SECONDARY = "secondary", _("secondary school")
        ASSOCIATE = "associate", _("associate degree")
        BACHELOR = "bachelor", _("bachelor's degree")
        MASTER = "master", _("master's degree")
        DOCTORATE = "doctorate", _("doctorate")

    RANK = {
        "none": 0,
        "primary": 1,
        "secondary": 2,
        "associate": 3,
        "bachelor": 4,
        "master": 5,
        "doctorate": 6,
    }

    resident = models.ForeignKey(Resident, on_delete=models.CASCADE, related_name="education")
    level = models.CharField(max_length=10, choices=Level.choices)
    institution = models.CharField(max_length=200, blank=True)
    korean_institution = models.BooleanField(default=False)
    completed_on = models.DateField(null=True, blank=True)
    expected = models.BooleanField(_("expected graduation"), default=False)


class IncomeDeclaration(models.Model):
    resident = models.ForeignKey(Resident, on_delete=models.CASCADE, related_name="incomes")
    year = models.PositiveSmallIntegerField()
    amount_krw = models.BigIntegerField()
    source = models.CharField(max_length=100, blank=True)  # e.g. 소득금액증명원, employer statement
    verified = models.BooleanField(default=False)

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount_krw__gte=0), name="income_not_negative"),
            models.UniqueConstraint(fields=["resident", "year"], name="one_income_per_year"),
        ]


class Document(models.Model):
    class Kind(models.TextChoices):
        PASSPORT = "passport", _("passport copy")
        ARC = "arc", _("residence card copy")
        CONTRACT = "contract", _("employment contract")
        INCOME = "income", _("income certificate")
        DIPLOMA = "diploma", _("diploma")
        LANGUAGE = "language", _("language certificate")
        OTHER = "other", _("other document")

    resident = models.ForeignKey(Resident, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    original_name = models.CharField(max_length=200)
    stored_name = models.CharField(max_length=80, unique=True)
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)


class TimelineEvent(models.Model):
    """One thing that happened to the person, in any service. Services add events through
    `residents.services.timeline_add`; the resident page shows them newest first."""

    resident = models.ForeignKey(Resident, on_delete=models.CASCADE, related_name="timeline")
    at = models.DateTimeField(db_index=True)
    service = models.CharField(max_length=20)  # app label: residents, casework, visas, grants …
    kind = models.CharField(max_length=40)
    # A short message id + params, rendered in the reader's language (see timeline.py).
    params = models.JSONField(default=dict, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A sensitive class (ieum.core.sensitivity.FieldClass) or "" for ordinary data; readers see an
    # event only where their role may see its class.
    field_class = models.CharField(max_length=12, blank=True, default="")

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["resident", "at"])]


class DuplicateFlag(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        DISMISSED = "dismissed", _("not the same person")
        MERGED = "merged", _("merged")

    class Reason(models.TextChoices):
        ARN = "arn", _("same alien registration number")
        PASSPORT = "passport", _("same passport number")
        PHONE = "phone", _("same phone number")
        NAME = "name", _("similar name and same date of birth")

    resident = models.ForeignKey(Resident, on_delete=models.CASCADE, related_name="duplicate_flags")
    other = models.ForeignKey(Resident, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=10, choices=Reason.choices)
    score = models.FloatField(default=100)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["resident", "other", "reason"], name="uniq_duplicate_flag"),
        ]


class ImportBatch(models.Model):
    """A bulk import: previewed, then committed all-or-nothing."""

    class Status(models.TextChoices):
        PREVIEWED = "previewed", _("previewed")
        QUEUED = "queued", _("waiting to be written")
        COMMITTED = "committed", _("committed")
        REJECTED = "rejected", _("rejected")

    file_name = models.CharField(max_length=200)
    sha256 = models.CharField(max_length=64, db_index=True)
    status = models.CharField(max_length=10, choices=Status.choices)
    total_rows = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    unchanged_count = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
