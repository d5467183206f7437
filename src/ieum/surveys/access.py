"""Who may do what with surveys — the one place it is decided; pages, API and OpenRosa use it.

Officers and administrators manage surveys (upload, review, edit). Analysts see the surveys'
de-identified exports and dashboards (an export carries answers only, never the respondent's
account or record). A respondent sees only their own submission.
"""

from __future__ import annotations

import base64
import binascii

from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpRequest

from ieum.core.access import log_access
from ieum.core.models import ApiToken, Role, User
from ieum.surveys.models import Submission, Survey

MANAGERS = frozenset({Role.OFFICER, Role.ADMIN})
READERS = frozenset({Role.OFFICER, Role.ADMIN, Role.ANALYST})


def _active(user: User | AnonymousUser | None) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def can_manage_surveys(user: User) -> bool:
    return _active(user) and user.role in MANAGERS


def can_read_surveys(user: User) -> bool:
    return _active(user) and user.role in READERS


def get_survey_for_user(user: User, survey_id: int, *, manage: bool = False) -> Survey:
    allowed = can_manage_surveys(user) if manage else can_read_surveys(user)
    if not allowed:
        raise Http404
    try:
        return Survey.objects.get(pk=survey_id)
    except Survey.DoesNotExist:
        raise Http404 from None


def get_submission_for_user(
    user: User,
    survey: Survey,
    submission_id: int,
    *,
    request: HttpRequest | None = None,
    action: str = "view",
) -> Submission:
    """A submission for a survey manager; the read is logged when it is linked to a person."""
    if not can_manage_surveys(user):
        raise Http404
    submission = Submission.objects.select_related("version").filter(survey=survey, pk=submission_id).first()
    if submission is None:
        raise Http404
    if submission.resident_id or submission.respondent_id:
        log_access(
            user=user,
            action=action,
            subject_type="survey_submission",
            subject_id=submission.pk,
            purpose="survey review",
            request=request,
        )
    return submission


def get_own_submission(user: User | AnonymousUser, submission_id: int) -> Submission:
    """A respondent's own submission; anyone else's is not found."""
    if not _active(user):
        raise Http404
    submission = Submission.objects.select_related("survey", "version").filter(pk=submission_id).first()
    if submission is None or submission.respondent_id != user.pk:
        raise Http404
    return submission


def may_answer(user: User | AnonymousUser, survey: Survey) -> bool:
    """Anyone with the link answers an open `anyone` survey; the other audiences need their role."""
    if not survey.is_open:
        return False
    if survey.audience == Survey.Audience.ANYONE:
        return True
    wanted = Role.RESIDENT if survey.audience == Survey.Audience.RESIDENT else Role.EMPLOYER
    return _active(user) and getattr(user, "role", None) == wanted


def openrosa_user(request: HttpRequest) -> User | None:
    """ODK Collect speaks HTTP Basic: the user name of an officer or administrator and, as the
    password, an integration token an administrator issued to that account (never the account's
    password — it would bypass the one-time code staff need). None when not acceptable."""
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if not header.startswith("Basic "):
        return None
    try:
        username, _sep, key = base64.b64decode(header[6:]).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=ApiToken.hash_key(key), revoked_at__isnull=True, user__username=username)
        .first()
    )
    if token is None or not can_manage_surveys(token.user):
        return None
    return token.user


def openrosa_survey_by_token(request: HttpRequest) -> Survey | None:
    """An anonymous survey's link token (`?token=`) lets Enketo submit to that survey only."""
    token = request.GET.get("token", "")
    if not token:
        return None
    return Survey.objects.filter(token=token, audience=Survey.Audience.ANYONE, is_open=True).first()
