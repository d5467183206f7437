"""Consent and provision. Sharing with a partner or employer without a matching consent is
refused here, in the service, not only hidden in a page (privacy issue §3)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ieum.core.access import log_access
from ieum.core.models import User
from ieum.privacy.models import Consent, Provision, RightsRequest
from ieum.privacy.texts import TEXT_VERSION, consent_text
from ieum.privacy.vocabulary import Item, Purpose, RecipientKind
from ieum.residents.models import Document, Resident
from ieum.residents.services import timeline_add


class ConsentRequired(PermissionDenied):
    """No active consent covers this disclosure."""


@transaction.atomic
def consent_record(
    *,
    resident: Resident,
    kind: str,
    channel: str,
    actor: User | None,
    language: str | None = None,
    recipient_kind: str = "",
    recipient_id: str = "",
    recipient_name: str = "",
    purpose: str = "",
    items: list[str] | None = None,
    retention: str = "",
    witness: User | None = None,
    paper_scan: Document | None = None,
) -> Consent:
    language = language or resident.preferred_language
    items = list(dict.fromkeys(items or []))
    errors: dict[str, list] = {}
    if kind not in Consent.Kind.values:
        errors["kind"] = [_("Choose what the consent is for.")]
    if channel not in Consent.Channel.values:
        errors["channel"] = [_("Choose how the consent was given.")]
    if channel == Consent.Channel.PHONE and witness is None:
        errors["witness"] = [_("A consent given by phone needs a counselor as witness.")]
    if channel == Consent.Channel.PAPER and (paper_scan is None or paper_scan.resident_id != resident.pk):
        errors["paper_scan"] = [_("A consent given on paper needs the scanned form of this person.")]
    if kind == Consent.Kind.PROVISION:
        if recipient_kind not in RecipientKind.values or not recipient_id or not recipient_name.strip():
            errors["recipient"] = [_("Name the organisation that will receive the data.")]
        if purpose not in Purpose.values:
            errors["purpose"] = [_("Choose the purpose for which the recipient will use the data.")]
        if not items or any(i not in Item.values for i in items):
            errors["items"] = [_("Choose the items the recipient will receive.")]
        if not retention.strip():
            errors["retention"] = [_("State how long the recipient will keep the data.")]
    if errors:
        raise ValidationError(errors)
    text = consent_text(
        kind=kind,
        language=language,
        recipient_name=recipient_name,
        purpose=purpose,
        items=items,
        retention=retention,
    )
    consent = Consent.objects.create(
        resident=resident,
        kind=kind,
        recipient_kind=recipient_kind,
        recipient_id=str(recipient_id),
        recipient_name=recipient_name.strip(),
        purpose=purpose,
        items=items,
        retention=retention.strip(),
        text_version=TEXT_VERSION,
        language=language,
        text=text,
        channel=channel,
        witness=witness,
        paper_scan=paper_scan,
        recorded_by=actor,
        given_at=timezone.now(),
    )
    timeline_add(
        resident=resident,
        service="privacy",
        kind="consent.given",
        actor=actor,
        params={"kind": kind, "recipient": recipient_name},
    )
    return consent


@transaction.atomic
def consent_withdraw(*, consent: Consent, actor: User | None) -> Consent:
    consent = Consent.objects.select_for_update().get(pk=consent.pk)
    if consent.withdrawn_at is None:
        consent.withdrawn_at = timezone.now()
        consent.save(update_fields=["withdrawn_at"])
        timeline_add(
            resident=consent.resident,
            service="privacy",
            kind="consent.withdrawn",
            actor=actor,
            params={"kind": consent.kind, "recipient": consent.recipient_name},
        )
    return consent


def matching_consent(
    *, resident: Resident, recipient_kind: str, recipient_id: str, purpose: str, items: list[str]
) -> Consent | None:
    candidates = Consent.objects.filter(
        resident=resident,
        kind=Consent.Kind.PROVISION,
        recipient_kind=recipient_kind,
        recipient_id=str(recipient_id),
        purpose=purpose,
        withdrawn_at__isnull=True,
    ).order_by("-given_at")
    wanted = set(items)
    for consent in candidates:
        if wanted <= set(consent.items):
            return consent
    return None


def has_active_consent(*, resident: Resident, kind: str) -> bool:
    return Consent.objects.filter(resident=resident, kind=kind, withdrawn_at__isnull=True).exists()


@transaction.atomic
def provision_record(
    *,
    resident: Resident,
    recipient_kind: str,
    recipient_id: str,
    recipient_name: str,
    purpose: str,
    items: list[str],
    actor: User | None,
    reference: str = "",
) -> Provision:
    """Record a disclosure; refused (ConsentRequired) unless an active consent names this
    recipient, this purpose and at least these items."""
    consent = matching_consent(
        resident=resident,
        recipient_kind=recipient_kind,
        recipient_id=recipient_id,
        purpose=purpose,
        items=items,
    )
    if consent is None:
        raise ConsentRequired(_("This person has not consented to share these items with this recipient."))
    provision = Provision.objects.create(
        consent=consent,
        resident=resident,
        recipient_kind=recipient_kind,
        recipient_id=str(recipient_id),
        recipient_name=recipient_name,
        purpose=purpose,
        items=list(items),
        by=actor,
        reference=reference,
    )
    log_access(
        user=actor,
        action="share",
        subject_type="resident",
        subject_id=resident.pk,
        purpose=purpose,
        channel="web",
        detail={"recipient": f"{recipient_kind}:{recipient_id}", "items": list(items)},
    )
    timeline_add(
        resident=resident,
        service="privacy",
        kind="provision.recorded",
        actor=actor,
        params={"recipient": recipient_name},
    )
    return provision


@transaction.atomic
def rights_request_create(*, resident: Resident, kind: str, detail: str, actor: User | None) -> RightsRequest:
    """A resident asks for their data to be corrected or deleted (PIPA Art. 35-37)."""
    if kind not in RightsRequest.Kind.values:
        raise ValidationError({"kind": [_("Choose correction or deletion.")]})
    if not detail.strip():
        raise ValidationError({"detail": [_("Say what should be corrected or deleted.")]})
    item = RightsRequest.objects.create(resident=resident, kind=kind, detail=detail.strip())
    timeline_add(
        resident=resident,
        service="privacy",
        kind="rights.requested",
        actor=actor,
        params={"kind": item.get_kind_display()},
    )
    return item
