"""Staff pages of surveys (upload, versions, submissions, bulk review, edits, exports)."""

from __future__ import annotations

from pathlib import Path

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ieum.core.decorators import staff_required
from ieum.core.http import AuthedRequest
from ieum.surveys import access, formdef, services, webform
from ieum.surveys.models import Export, Submission, Survey
from ieum.surveys.tasks import export_run, export_task
from ieum.surveys.xlsform import MAX_BYTES, XLSFormInvalid

PAGE = 50
SMALL_EXPORT = 2000  # up to this many submissions the export runs in the request


def _upload(request: AuthedRequest, survey: Survey | None) -> list[str]:
    """Errors to show (empty when the version was loaded)."""
    upload = request.FILES.get("xlsform")
    if upload is None:
        return [_("Choose an XLSForm file (.xlsx).")]
    if upload.size is None or upload.size > MAX_BYTES or not (upload.name or "").lower().endswith(".xlsx"):
        return [_("The file must be an .xlsx workbook of at most 5 MB.")]
    try:
        version = services.survey_upload(
            content=upload.read(),
            actor=request.user,
            audience=request.POST.get("audience", Survey.Audience.ANYONE),
            survey=survey,
        )
    except XLSFormInvalid as exc:
        return [str(e) for e in exc.errors]
    except ValidationError as exc:
        return list(exc.messages)
    messages.success(
        request,
        _("Version %(version)s of “%(title)s” loaded.")
        % {"version": version.version, "title": version.survey.title},
    )
    return []


@staff_required
@require_http_methods(["GET", "POST"])
def survey_list(request: AuthedRequest) -> HttpResponse:
    if not access.can_read_surveys(request.user):
        raise Http404
    errors: list[str] = []
    if request.method == "POST":
        if not access.can_manage_surveys(request.user):
            raise Http404
        errors = _upload(request, None)
        if not errors:
            return redirect("surveys:list")
    surveys = Survey.objects.annotate(n=Count("submissions")).order_by("title")
    return render(
        request,
        "surveys/list.html",
        {
            "surveys": surveys,
            "errors": errors,
            "may_manage": access.can_manage_surveys(request.user),
            "audiences": Survey.Audience.choices,
        },
        status=400 if errors else 200,
    )


@staff_required
@require_http_methods(["GET", "POST"])
def survey_detail(request: AuthedRequest, survey_id: int) -> HttpResponse:
    survey = access.get_survey_for_user(request.user, survey_id)
    errors: list[str] = []
    if request.method == "POST":
        survey = access.get_survey_for_user(request.user, survey_id, manage=True)
        errors = _upload(request, survey)
        if not errors:
            return redirect("surveys:detail", survey_id=survey.pk)
    status = request.GET.get("status", "")
    submissions = survey.submissions.select_related("version")
    if status in Submission.Status.values:
        submissions = submissions.filter(status=status)
    current = survey.current
    return render(
        request,
        "surveys/detail.html",
        {
            "survey": survey,
            "versions": survey.versions.order_by("-created_at"),
            "languages": current.languages if current else [],
            "submissions": submissions[:PAGE] if access.can_manage_surveys(request.user) else [],
            "total": survey.submissions.count(),
            "statuses": Submission.Status.choices,
            "status": status,
            "errors": errors,
            "may_manage": access.can_manage_surveys(request.user),
            "exports": survey.exports.filter(requested_by=request.user).order_by("-pk")[:5],
        },
        status=400 if errors else 200,
    )


@staff_required
@require_POST
def submissions_review(request: AuthedRequest, survey_id: int) -> HttpResponse:
    survey = access.get_survey_for_user(request.user, survey_id, manage=True)
    # Ids come from check boxes; one that is not a plausible id matches no submission.
    ids = [int(i) for i in request.POST.getlist("ids") if i.isdigit() and len(i) < 19]
    try:
        count = services.submissions_review(
            ids=ids, survey=survey, status=request.POST.get("status", ""), actor=request.user
        )
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
        return redirect("surveys:detail", survey_id=survey.pk)
    messages.success(request, _("%(count)s submissions updated.") % {"count": count})
    return redirect("surveys:detail", survey_id=survey.pk)


@staff_required
@require_http_methods(["GET", "POST"])
def submission_detail(request: AuthedRequest, survey_id: int, submission_id: int) -> HttpResponse:
    survey = access.get_survey_for_user(request.user, survey_id, manage=True)
    submission = access.get_submission_for_user(request.user, survey, submission_id, request=request)
    definition = submission.version.definition
    language = formdef.language_key(definition, request.LANGUAGE_CODE)
    errors: dict[str, str] = {}
    if request.method == "POST":
        answers, _counts = webform.read_answers(definition, request.POST)
        problems = services.submission_edit(
            submission=submission, answers=answers, actor=request.user, note=request.POST.get("note", "")
        )
        if not problems:
            messages.success(
                request, _("The submission was changed; the earlier answers are kept in its history.")
            )
            return redirect("surveys:submission", survey_id=survey.pk, submission_id=submission.pk)
        errors = webform.error_map(problems, definition, language)
    data = submission.data
    counts = {r.name: len(data.get(r.name) or []) for r in formdef.repeats(definition)}
    return render(
        request,
        "surveys/submission.html",
        {
            "survey": survey,
            "submission": submission,
            "blocks": webform.blocks(definition, data, language, errors, counts),
            "counts": counts,
            "edits": submission.edits.select_related("editor"),
        },
        status=400 if errors else 200,
    )


@staff_required
@require_POST
def export_create(request: AuthedRequest, survey_id: int) -> HttpResponse:
    survey = access.get_survey_for_user(request.user, survey_id)
    fmt = request.POST.get("format", Export.Format.XLSX)
    language = request.POST.get("language", "")
    current = survey.current
    if fmt not in Export.Format.values or (
        language and (current is None or language not in current.languages)
    ):
        messages.error(request, _("Choose a format and a language of this form."))
        return redirect("surveys:detail", survey_id=survey.pk)
    export = Export.objects.create(survey=survey, requested_by=request.user, format=fmt, language=language)
    if survey.submissions.count() <= SMALL_EXPORT:
        export_run(export)  # small: at once, no waiting for the worker
    else:
        export_task.enqueue(export.pk)
    return redirect("surveys:export", export_id=export.pk)


@staff_required
def export_detail(request: AuthedRequest, export_id: int) -> HttpResponseBase:
    export = get_object_or_404(
        Export.objects.select_related("survey"), pk=export_id, requested_by=request.user
    )
    access.get_survey_for_user(request.user, export.survey_id)
    if request.GET.get("download") and export.status == Export.Status.DONE:
        name = f"{export.survey.id_string}.{Path(export.path).suffix.lstrip('.')}"
        return FileResponse(open(export.path, "rb"), as_attachment=True, filename=name)  # noqa: SIM115
    return render(request, "surveys/export.html", {"export": export})
