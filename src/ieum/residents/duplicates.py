"""Duplicate detection and merging (issue: same ARN/passport, same phone, or a similar name
across scripts with the same date of birth)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ieum.core.models import User
from ieum.lib.names import similarity
from ieum.residents.models import DuplicateFlag, NameToken, Resident, ResidentLanguage

NAME_SIMILARITY_THRESHOLD = 85.0


def duplicate_candidates(resident: Resident) -> list[tuple[Resident, str, float]]:
    """Other active records that may be the same person, with the reason and a score."""
    found: dict[tuple[int, str], tuple[Resident, str, float]] = {}
    others = Resident.objects.active().exclude(pk=resident.pk)
    exact = Q(pk__in=[])
    if resident.arn_index:
        exact |= Q(arn_index=resident.arn_index)
    if resident.passport_index:
        exact |= Q(passport_index=resident.passport_index)
    if resident.phone:
        exact |= Q(phone=resident.phone)
    for other in others.filter(exact):
        if resident.arn_index and other.arn_index == resident.arn_index:
            found[(other.pk, "arn")] = (other, "arn", 100.0)
        if resident.passport_index and other.passport_index == resident.passport_index:
            found[(other.pk, "passport")] = (other, "passport", 100.0)
        if resident.phone and other.phone == resident.phone:
            found[(other.pk, "phone")] = (other, "phone", 100.0)
    if resident.birth_date:
        for other in others.filter(birth_date=resident.birth_date):
            score = similarity(resident.display_names, other.display_names)
            if score >= NAME_SIMILARITY_THRESHOLD:
                found[(other.pk, "name")] = (other, "name", score)
    return list(found.values())


def duplicates_flag(*, resident: Resident, actor: User | None) -> list[DuplicateFlag]:
    from ieum.residents.services import timeline_add

    flags = []
    for other, reason, score in duplicate_candidates(resident):
        # One flag per unordered pair and reason, whichever record came first.
        a, b = sorted([resident, other], key=lambda r: r.pk)
        flag, created = DuplicateFlag.objects.get_or_create(
            resident=a, other=b, reason=reason, defaults={"score": score}
        )
        if created:
            timeline_add(
                resident=resident,
                service="residents",
                kind="resident.duplicate_flagged",
                actor=actor,
                params={"other": str(other.ref)[:8], "reason": reason},
            )
        flags.append(flag)
    return flags


# Every model that points at a resident, with the field; merge moves them all to the survivor.
def _resident_relations() -> list[tuple[type[models.Model], str]]:
    relations = []
    for rel in Resident._meta.related_objects:
        if rel.related_model in (NameToken,):
            continue
        if rel.field.name in ("merged_into",):
            continue
        relations.append((rel.related_model, rel.field.name))
    return relations


@transaction.atomic
def residents_merge(*, survivor: Resident, merged: Resident, actor: User) -> Resident:
    """Keep `survivor`; move every row of `merged` to it; keep `merged` as a pointer."""
    from ieum.residents.services import _refresh_name_tokens, timeline_add

    if survivor.pk == merged.pk:
        raise ValidationError(_("Choose two different records to merge."))
    survivor = Resident.objects.select_for_update().get(pk=survivor.pk)
    merged = Resident.objects.select_for_update().get(pk=merged.pk)
    if survivor.merged_into_id or merged.merged_into_id:
        raise ValidationError(_("One of these records has already been merged."))
    # Languages are unique per person: keep the survivor's where both list the same one.
    ResidentLanguage.objects.filter(
        resident=merged, language__in=survivor.languages.values_list("language", flat=True)
    ).delete()
    for model, field_name in _resident_relations():
        if model is DuplicateFlag:
            continue
        model._default_manager.filter(**{field_name: merged}).update(**{field_name: survivor})
    # Fill what the survivor lacks from the merged record; never overwrite.
    for name in (
        "name_native",
        "name_hangul",
        "birth_date",
        "sex",
        "nationality_id",
        "phone",
        "email",
        "address",
        "municipality_id",
        "passport_country",
    ):
        if not getattr(survivor, name) and getattr(merged, name):
            setattr(survivor, name, getattr(merged, name))
    for kind in ("arn", "passport"):
        if not getattr(survivor, f"{kind}_index") and getattr(merged, f"{kind}_index"):
            for suffix in ("_ciphertext", "_index", "_hint"):
                setattr(survivor, kind + suffix, getattr(merged, kind + suffix))
    if survivor.user_id is None and merged.user_id is not None:
        survivor.user_id, merged.user_id = merged.user_id, None
    merged.merged_into = survivor
    merged.save()
    survivor.save()
    _refresh_name_tokens(survivor)
    DuplicateFlag.objects.filter(
        (Q(resident=survivor) & Q(other=merged)) | (Q(resident=merged) & Q(other=survivor))
    ).update(status=DuplicateFlag.Status.MERGED, resolved_by=actor)
    timeline_add(
        resident=survivor,
        service="residents",
        kind="resident.merged",
        actor=actor,
        params={"other": str(merged.ref)[:8]},
    )
    timeline_add(
        resident=merged,
        service="residents",
        kind="resident.merged_away",
        actor=actor,
        params={"other": str(survivor.ref)[:8]},
    )
    return survivor
