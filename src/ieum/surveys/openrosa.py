"""OpenRosa 1.0 endpoints for ODK Collect and Enketo: form list, form download, submission.

Credentials (see access.openrosa_user): HTTP Basic with an officer's or administrator's user
name and an integration token as password, or an anonymous survey's link token in `?token=`
(submission only, that survey only). Without either: 401 with a Basic challenge.
"""

from __future__ import annotations

from xml.sax.saxutils import escape  # nosec B406 - only escapes text we write; parsing is defusedxml

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from ieum.surveys import access, services
from ieum.surveys.instance import InstanceInvalid, parse_instance
from ieum.surveys.models import Survey, SurveyVersion

MAX_SUBMISSION = 10 * 1024 * 1024
NS = "http://openrosa.org/http/response"


def _response(
    body: str = "", status: int = 200, content_type: str = "text/xml; charset=utf-8"
) -> HttpResponse:
    response = HttpResponse(body, status=status, content_type=content_type)
    response["X-OpenRosa-Version"] = "1.0"
    response["X-OpenRosa-Accept-Content-Length"] = str(MAX_SUBMISSION)
    return response


def _message(text: str, status: int) -> HttpResponse:
    body = f'<OpenRosaResponse xmlns="{NS}"><message nature="">{escape(text)}</message></OpenRosaResponse>'
    return _response(body, status)


def _challenge() -> HttpResponse:
    response = _message("Authentication required", 401)
    response["WWW-Authenticate"] = 'Basic realm="Ieum OpenRosa"'
    return response


@require_http_methods(["GET", "HEAD"])
def form_list(request: HttpRequest) -> HttpResponse:
    if access.openrosa_user(request) is None:
        return _challenge()
    items = []
    for survey in Survey.objects.filter(is_open=True).order_by("title"):
        version = survey.current
        if version is None:
            continue
        url = request.build_absolute_uri(reverse("surveys:openrosa-form", args=[version.pk]))
        items.append(
            "<xform>"
            f"<formID>{escape(survey.id_string)}</formID><name>{escape(survey.title)}</name>"
            f"<version>{escape(version.version)}</version><hash>md5:{_md5(version.xform)}</hash>"
            f"<downloadUrl>{escape(url)}</downloadUrl></xform>"
        )
    body = f'<?xml version="1.0" encoding="UTF-8"?><xforms xmlns="http://openrosa.org/xforms/xformsList">{"".join(items)}</xforms>'
    return _response(body)


def _md5(text: str) -> str:
    import hashlib

    return hashlib.md5(text.encode("utf-8"), usedforsecurity=False).hexdigest()


@require_http_methods(["GET"])
def form_xml(request: HttpRequest, version_id: int) -> HttpResponse:
    if access.openrosa_user(request) is None:
        return _challenge()
    version = SurveyVersion.objects.filter(pk=version_id).first()
    if version is None:
        return _message("Not found", 404)
    return _response(version.xform)


@csrf_exempt
@require_http_methods(["HEAD", "POST"])
def submission(request: HttpRequest) -> HttpResponse:
    user = access.openrosa_user(request)
    token_survey = None if user else access.openrosa_survey_by_token(request)
    if user is None and token_survey is None:
        return _challenge()
    if request.method == "HEAD":
        return _response(status=204)
    upload = request.FILES.get("xml_submission_file")
    if upload is None or (upload.size or 0) > MAX_SUBMISSION:
        return _message("xml_submission_file missing or too large", 400)
    xml = upload.read()
    try:
        header = parse_instance(xml)
        if token_survey is not None and header.id_string != token_survey.id_string:
            return _challenge()
        stored, created = services.submission_receive(
            xml=xml, language=request.headers.get("Accept-Language", "")[:40].split(",")[0], received_by=user
        )
    except (InstanceInvalid, ValidationError) as exc:
        text = exc.messages[0] if isinstance(exc, ValidationError) else "Not a valid XForm instance"
        return _message(text, 400)
    # A duplicate instanceID is acknowledged (ODK then stops resending) but stored only once.
    return _message("Form received" if created else "Duplicate submission ignored", 201 if created else 202)
