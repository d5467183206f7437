"""Writes of surveys: upload a form version, receive a submission (web or OpenRosa), review,
edit with history, drafts. Each one transaction."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ieum.core.models import User
from ieum.surveys import formdef
from ieum.surveys.instance import build_instance, parse_instance
from ieum.surveys.models import Answer, Draft, Submission, SubmissionEdit, Survey, SurveyVersion
from ieum.surveys.xlsform import load_xlsform

INDEXED_TYPES = {formdef.SELECT_ONE, formdef.SELECT_MULTIPLE, "integer", "decimal"}


@transaction.atomic
def survey_upload(
    *,
    content: bytes,
    actor: User | None,
    audience: str = Survey.Audience.ANYONE,
    survey: Survey | None = None,
) -> SurveyVersion:
    """A new survey, or a new version of `survey`; raises XLSFormInvalid with every problem."""
    form = load_xlsform(content)
    if survey is None:
        survey, _created = Survey.objects.get_or_create(
            id_string=form.id_string[:100],
            defaults={"title": form.title[:200] or form.id_string, "audience": audience, "created_by": actor},
        )
    elif survey.id_string != form.id_string:
        raise ValidationError(
            _("This file is a different form (form_id %(value)s).") % {"value": form.id_string}
        )
    version = form.version or str(survey.versions.count() + 1)
    if survey.versions.filter(version=version).exists():
        raise ValidationError(_("Version %(value)s of this form is already loaded.") % {"value": version})
    return SurveyVersion.objects.create(
        survey=survey,
        version=version,
        xlsform=content,
        definition=form.definition,
        xform=form.xform,
        languages=form.languages,
        created_by=actor,
    )


def _index_answers(submission: Submission) -> None:
    Answer.objects.filter(submission=submission).delete()
    rows = []
    for item, repeat in formdef.data_fields(submission.version.definition):
        value = submission.data.get(item.name) if repeat is None else None
        if item.type not in INDEXED_TYPES or not value:
            continue
        number = float(value) if item.type in ("integer", "decimal") else None
        picks = str(value).split() if item.type == formdef.SELECT_MULTIPLE else [str(value)]
        rows += [
            Answer(
                survey_id=submission.survey_id,
                submission=submission,
                question=item.name,
                value=p[:100],
                number=number,
            )
            for p in picks
        ]
    Answer.objects.bulk_create(rows)


def _store(
    *,
    version: SurveyVersion,
    instance_id: str,
    xml: str,
    data: dict[str, Any],
    language: str,
    channel: str,
    status: str = Submission.Status.NEW,
    respondent: User | None = None,
    resident: Any = None,
    received_by: User | None = None,
) -> tuple[Submission, bool]:
    existing = Submission.objects.filter(instance_id=instance_id).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            submission = Submission.objects.create(
                survey=version.survey,
                version=version,
                instance_id=instance_id,
                xml=xml,
                data=data,
                language=language[:40],
                channel=channel,
                status=status,
                respondent=respondent if respondent is not None and respondent.is_authenticated else None,
                resident=resident,
                received_by=received_by,
            )
    except IntegrityError:
        # Sent twice at once: the unique instanceID keeps one; the second sender gets the first.
        return Submission.objects.get(instance_id=instance_id), False
    _index_answers(submission)
    if resident is not None:
        from ieum.residents.services import timeline_add

        timeline_add(
            resident=resident,
            service="surveys",
            kind="survey.answered",
            params={"survey": version.survey.title},
            actor=respondent,
        )
    return submission, True


@transaction.atomic
def submission_receive(
    *, xml: bytes, language: str = "", received_by: User | None = None
) -> tuple[Submission, bool]:
    """An OpenRosa submission: stored raw with its JSON copy; a known instanceID is ignored
    (returns the stored one and False). Raises ValidationError for an unknown form/version."""
    header = parse_instance(xml)
    survey = Survey.objects.filter(id_string=header.id_string).first()
    if survey is None:
        raise ValidationError(_("No survey has the form ID %(value)s.") % {"value": header.id_string})
    version = survey.versions.filter(version=header.version).first() if header.version else survey.current
    if version is None:
        raise ValidationError(_("This form version is not known: %(value)s.") % {"value": header.version})
    instance = parse_instance(xml, version.definition)
    clean, problems = formdef.judge(version.definition, instance.answers)
    # What ODK sent is kept as sent; answers our rules refuse put it on hold for review.
    status = Submission.Status.ON_HOLD if problems else Submission.Status.NEW
    return _store(
        version=version,
        instance_id=instance.instance_id,
        xml=xml.decode("utf-8", "replace"),
        data=instance.answers,
        language=language,
        channel=Submission.Channel.OPENROSA,
        status=status,
        received_by=received_by,
    )


@transaction.atomic
def submission_create(
    *,
    version: SurveyVersion,
    answers: dict[str, Any],
    language: str,
    respondent: User | None = None,
    resident: Any = None,
    instance_id: str = "",
) -> tuple[Submission, list[formdef.Problem]]:
    """A web-form submission, judged here; nothing is stored when a rule refuses an answer."""
    clean, problems = formdef.judge(version.definition, answers)
    if problems:
        return Submission(), problems
    instance_id = instance_id or f"uuid:{uuid.uuid4()}"
    xml = build_instance(version.definition, clean, version=version.version, instance_id=instance_id)
    submission, _created = _store(
        version=version,
        instance_id=instance_id,
        xml=xml,
        data=clean,
        language=language,
        channel=Submission.Channel.WEB,
        respondent=respondent,
        resident=resident,
    )
    if respondent is not None and respondent.is_authenticated:
        Draft.objects.filter(survey=version.survey, respondent=respondent).delete()
    return submission, []


@transaction.atomic
def submissions_review(*, ids: list[int], survey: Survey, status: str, actor: User) -> int:
    if status not in Submission.Status.values:
        raise ValidationError(_("Choose a review status."))
    return Submission.objects.filter(survey=survey, pk__in=ids).update(status=status)


@transaction.atomic
def submission_edit(
    *, submission: Submission, answers: dict[str, Any], actor: User, note: str = ""
) -> list[formdef.Problem]:
    """Change answers after review; the old and new JSON are kept in the edit history."""
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    merged = {**locked.data, **answers}
    clean, problems = formdef.judge(locked.version.definition, merged)
    if problems:
        return problems
    SubmissionEdit.objects.create(
        submission=locked, editor=actor, before=locked.data, after=clean, note=note[:300]
    )
    locked.data = clean
    locked.xml = build_instance(
        locked.version.definition, clean, version=locked.version.version, instance_id=locked.instance_id
    )
    locked.save(update_fields=["data", "xml"])
    _index_answers(locked)
    submission.refresh_from_db()
    return []


@transaction.atomic
def draft_save(
    *, survey: Survey, data: dict[str, Any], language: str, respondent: User | None, resume_key: str = ""
) -> Draft:
    if respondent is not None and respondent.is_authenticated:
        draft, _created = Draft.objects.get_or_create(survey=survey, respondent=respondent)
    else:
        draft, _created = Draft.objects.get_or_create(survey=survey, respondent=None, resume_key=resume_key)
    draft.data = data
    draft.language = language
    draft.save()
    return draft
