"""The respondent's pages: answer a survey in one's language (save and resume), see one's own
submission. Phone-first portal layout; the form works without JavaScript, with it the skip
logic and constraints show as one types (the server decides again on submit)."""

from __future__ import annotations

import secrets

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from ieum.core.models import Role
from ieum.surveys import access, formdef, services, webform
from ieum.surveys.models import Draft, Survey

RESUME = "survey-resume-%s"


def _linked_resident(user):
    if not (user.is_authenticated and user.role == Role.RESIDENT):
        return None
    from ieum.residents.models import Resident

    return Resident.objects.filter(user=user).first()


def _draft(request: HttpRequest, survey: Survey) -> Draft | None:
    if request.user.is_authenticated:
        return Draft.objects.filter(survey=survey, respondent=request.user).first()
    key = request.session.get(RESUME % survey.pk, "")
    return Draft.objects.filter(survey=survey, respondent=None, resume_key=key).first() if key else None


@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, token: str) -> HttpResponse:
    survey = get_object_or_404(Survey, token=token)
    if not access.may_answer(request.user, survey):
        raise Http404
    version = survey.current
    if version is None:
        raise Http404
    definition = version.definition
    languages = [(key, formdef.language_code(key)) for key in version.languages]
    chosen = request.POST.get("form_language") or request.GET.get("lang") or request.LANGUAGE_CODE
    language = chosen if chosen in version.languages else formdef.language_key(definition, chosen)
    draft = _draft(request, survey)
    answers: dict = draft.data if draft else {}
    counts: dict[str, int] = {}
    errors: dict[str, str] = {}
    status = 200
    if request.method == "POST":
        answers, counts = webform.read_answers(definition, request.POST)
        action = request.POST.get("action", "submit")
        if action == "save" or action.startswith("add:"):
            if action.startswith("add:") and action[4:] in counts:
                counts[action[4:]] += 1
            key = request.session.get(RESUME % survey.pk) or secrets.token_urlsafe(16)
            request.session[RESUME % survey.pk] = key
            services.draft_save(
                survey=survey,
                data=answers,
                language=language,
                respondent=request.user if request.user.is_authenticated else None,
                resume_key=key,
            )
            if action == "save":
                request.session["survey-saved"] = True
        else:
            submission, problems = services.submission_create(
                version=version,
                answers=answers,
                language=formdef.language_code(language),
                respondent=request.user if request.user.is_authenticated else None,
                resident=_linked_resident(request.user),
            )
            if not problems:
                if draft is not None:
                    draft.delete()
                request.session.pop(RESUME % survey.pk, None)
                return redirect("surveys:thanks", token=survey.token)
            errors = webform.error_map(problems, definition, language)
            status = 400
    saved = request.session.pop("survey-saved", False)
    return render(
        request,
        "surveys/answer.html",
        {
            "survey": survey,
            "title": formdef.text(definition.get("title", survey.title), language) or survey.title,
            "blocks": webform.blocks(definition, answers, language, errors, counts),
            "counts": {
                r.name: max(counts.get(r.name, 0), len(answers.get(r.name) or []), 1)
                for r in formdef.repeats(definition)
            },
            "languages": languages,
            "language": language,
            "errors": errors,
            "saved": saved,
        },
        status=status,
    )


def thanks(request: HttpRequest, token: str) -> HttpResponse:
    survey = get_object_or_404(Survey, token=token)
    mine = (
        survey.submissions.filter(respondent=request.user).first() if request.user.is_authenticated else None
    )
    return render(request, "surveys/thanks.html", {"survey": survey, "mine": mine})


def my_submission(request: HttpRequest, submission_id: int) -> HttpResponse:
    submission = access.get_own_submission(request.user, submission_id)
    definition = submission.version.definition
    language = formdef.language_key(definition, request.LANGUAGE_CODE)
    rows = [
        (formdef.text(item.label, language) or item.name, submission.data.get(item.name, ""))
        for item, repeat in formdef.data_fields(definition)
        if repeat is None and item.is_input
    ]
    return render(request, "surveys/mine.html", {"submission": submission, "rows": rows})
