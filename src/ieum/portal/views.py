"""The resident portal: thin views (parse, check access, call a service, render).

Every page works without JavaScript. Pages behind `resident_required` show only the signed-in
person's own record; any other account gets 404 (get_own_resident_for_user).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ieum.core.models import User
from ieum.lib.phones import format_phone_national
from ieum.portal import forms, selectors, services
from ieum.portal.services import CODE_ERRORS, CodeResult, Destination
from ieum.privacy.access import get_own_resident_for_user
from ieum.privacy.selectors import my_data
from ieum.privacy.services import consent_record, consent_withdraw, rights_request_create
from ieum.privacy.texts import consent_text
from ieum.residents.documents import document_upload, stored_path
from ieum.residents.models import Resident

PENDING = "portal_pending"
View = Callable[..., HttpResponseBase]


def resident_required(view: View) -> View:
    """A signed-in resident with a record; the view gets it as its second argument."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("portal-signin"))
        # The account's language (kept equal to the record's by the portal's services) is applied
        # by ieum.core.languages.AccountLanguageMiddleware when this device has not chosen one.
        resident = get_own_resident_for_user(request.user)
        return view(request, resident, *args, **kwargs)

    return wrapper


def _remember_language(response: HttpResponseBase, language: str) -> HttpResponseBase:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def _safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    # A path of this site only: redirect() would take any other word for a view name to
    # reverse and fail with a 500.
    ok = target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if ok else default


# ---- signing up and in -------------------------------------------------------------------


def _start_code(
    request: HttpRequest, form: Any, destination: Destination, user: User | None, signup: dict | None
) -> HttpResponseBase | None:
    """Send a code and go to the code page; None (with the error on the form) when refused."""
    language = (user.preferred_language if user else "") or translation.get_language()
    try:
        row = services.sign_in_code_send(
            destination=destination, user=user, language=language, send=user is not None or signup is not None
        )
    except ValidationError as exc:
        form.add_error("contact", exc)
        return None
    request.session[PENDING] = {
        "code_id": row.pk,
        "channel": destination.channel,
        "address": destination.address,
        "signup": signup,
        "next": _safe_next(request, reverse("portal-home")),
    }
    return redirect("portal-code")


@never_cache
def signup(request: HttpRequest) -> HttpResponseBase:
    form = forms.SignUpForm(request.POST or None, initial={"language": translation.get_language()})
    if form.is_valid():
        destination = form.cleaned_data["contact"]
        existing = selectors.account_for(channel=destination.channel, address=destination.address)
        # An address that has an account gets a sign-in code: sign-up tells no one who is registered.
        signup_data = (
            None
            if existing
            else {"name": form.cleaned_data["name"], "language": form.cleaned_data["language"]}
        )
        if existing is None:
            translation.activate(form.cleaned_data["language"])
        response = _start_code(request, form, destination, existing, signup_data)
        if response is not None:
            # The code page is already in the language the person chose.
            return _remember_language(response, signup_data["language"]) if signup_data else response
    text = consent_text(kind="collection", language=translation.get_language() or settings.LANGUAGE_CODE)
    return render(request, "portal/signup.html", {"form": form, "consent_text": text})


@never_cache
def signin(request: HttpRequest) -> HttpResponseBase:
    form = forms.SignInForm(request.POST or None)
    if form.is_valid():
        destination = form.cleaned_data["contact"]
        user = selectors.account_for(channel=destination.channel, address=destination.address)
        response = _start_code(request, form, destination, user, None)
        if response is not None:
            return response
    return render(request, "portal/signin.html", {"form": form, "next": request.GET.get("next", "")})


@never_cache
def code(request: HttpRequest) -> HttpResponseBase:
    pending = request.session.get(PENDING)
    if not pending:
        return redirect("portal-signin")
    form = forms.CodeForm(request.POST or None)
    if request.method == "POST" and request.POST.get("action") == "resend":
        return _resend(request, pending)
    if form.is_valid():
        result = services.sign_in_code_check(code_id=pending["code_id"], code=form.cleaned_data["code"])
        try:
            user = _user_for(pending) if result is CodeResult.OK else None
        except ValidationError:
            # The sign-up details no longer pass (e.g. an empty name): start again.
            request.session.pop(PENDING, None)
            return redirect("portal-signup")
        if user is not None:
            return _signed_in(request, user, pending)
        form.add_error("code", CODE_ERRORS[result if result is not CodeResult.OK else CodeResult.WRONG])
    return render(request, "portal/code.html", {"form": form, "by_sms": pending["channel"] == "sms"})


def _resend(request: HttpRequest, pending: dict) -> HttpResponseBase:
    from ieum.portal.models import SignInCode

    old = SignInCode.objects.filter(pk=pending["code_id"]).select_related("user").first()
    user = old.user if old else None
    language = (user.preferred_language if user else (pending["signup"] or {}).get("language", "")) or "ko"
    destination = Destination(pending["channel"], pending["address"])
    try:
        row = services.sign_in_code_send(
            destination=destination,
            user=user,
            language=language,
            send=user is not None or bool(pending["signup"]),
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("portal-code")
    request.session[PENDING] = {**pending, "code_id": row.pk}
    messages.success(request, _("We sent you a new code."))
    return redirect("portal-code")


def _user_for(pending: dict) -> User | None:
    from ieum.portal.models import SignInCode

    if pending["signup"]:
        destination = Destination(pending["channel"], pending["address"])
        if selectors.account_for(channel=destination.channel, address=destination.address) is not None:
            return None  # made by another tab in the meantime
        data = pending["signup"]
        return services.resident_sign_up(
            name=data["name"], destination=destination, language=data["language"]
        )
    row = SignInCode.objects.filter(pk=pending["code_id"]).select_related("user").first()
    return row.user if row and row.user and row.user.is_active else None


def _signed_in(request: HttpRequest, user: User, pending: dict) -> HttpResponseBase:
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    request.session.pop(PENDING, None)
    resident = Resident.objects.filter(user=user).first()
    chosen = resident.preferred_language if resident else user.preferred_language
    language = chosen or translation.get_language()
    translation.activate(language)
    return _remember_language(redirect(pending.get("next") or "portal-home"), language)


@require_POST
def signout(request: HttpRequest) -> HttpResponseBase:
    logout(request)
    return redirect("portal-signin")


@require_POST
def language(request: HttpRequest) -> HttpResponseBase:
    """The language switch of the portal: on a resident's own record too, not only this device."""
    form = forms.LanguageForm(request.POST)
    next_url = _safe_next(request, reverse("portal-home"))
    if not form.is_valid():
        return redirect(next_url)
    chosen = form.cleaned_data["language"]
    resident = (
        Resident.objects.active().filter(user=request.user).first() if request.user.is_authenticated else None
    )
    if resident is not None and getattr(request.user, "role", None) == "resident":
        services.resident_language_set(resident=resident, language=chosen, actor=request.user)  # type: ignore[arg-type]
    return _remember_language(redirect(next_url), chosen)


# ---- the person's own pages --------------------------------------------------------------


@resident_required
def home(request: HttpRequest, resident: Resident) -> HttpResponse:
    context = {"resident": resident, "requests": selectors.own_requests(resident)[:10]}
    return render(request, "portal/home.html", context)


@resident_required
def profile(request: HttpRequest, resident: Resident) -> HttpResponseBase:
    initial = {
        "name": resident.name,
        "name_native": resident.name_native,
        "name_hangul": resident.name_hangul,
        "phone": format_phone_national(resident.phone) if resident.phone else "",
        "email": resident.email,
        "municipality": resident.municipality,
        "address": resident.address,
        "preferred_language": resident.preferred_language,
        "languages": list(resident.languages.values_list("language", flat=True)),
    }
    form = forms.ProfileForm(request.POST or None, initial=initial, user=request.user)
    if form.is_valid():
        changes = {k: v for k, v in form.cleaned_data.items() if k != "languages"}
        try:
            services.resident_profile_update(
                resident=resident,
                changes=changes,
                languages=form.cleaned_data["languages"],
                actor=request.user,  # type: ignore[arg-type]
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            language = resident.preferred_language
            translation.activate(language)
            messages.success(request, _("Your profile was saved."))
            return _remember_language(redirect("portal-profile"), language)
    return render(request, "portal/profile.html", {"form": form, "resident": resident})


def _add_errors(form: Any, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


@resident_required
def consents(request: HttpRequest, resident: Resident) -> HttpResponseBase:
    if request.method == "POST":
        form = forms.ConsentGiveForm(request.POST)
        if form.is_valid():
            consent_record(
                resident=resident,
                kind=form.cleaned_data["kind"],
                channel="web",
                actor=request.user,  # type: ignore[arg-type]
                language=translation.get_language(),
            )
            messages.success(request, _("Thank you. Your consent was recorded."))
        else:
            messages.error(request, _("Nothing was recorded: choose one of the consents shown on this page."))
        return redirect("portal-consents")
    given = list(selectors.own_consents(resident))
    active_kinds = {c.kind for c in given if c.active}
    language = translation.get_language() or settings.LANGUAGE_CODE
    offers = [
        {"kind": kind, "text": consent_text(kind=kind, language=language)}
        for kind in ("collection", "identifiers")
        if kind not in active_kinds
    ]
    return render(request, "portal/consents.html", {"consents": given, "offers": offers})


@require_POST
@resident_required
def consent_withdraw_view(request: HttpRequest, resident: Resident, consent_id: int) -> HttpResponseBase:
    consent = selectors.own_consent(resident, consent_id)
    consent_withdraw(consent=consent, actor=request.user)  # type: ignore[arg-type]
    messages.success(request, _("Your consent was withdrawn."))
    return redirect("portal-consents")


@resident_required
def documents(request: HttpRequest, resident: Resident) -> HttpResponseBase:
    form = forms.DocumentForm(request.POST or None, request.FILES or None)
    if form.is_valid():
        try:
            document_upload(
                resident=resident,
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
                actor=request.user,  # type: ignore[arg-type]
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Your document was uploaded."))
            return redirect("portal-documents")
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "documents": selectors.own_documents(resident)}
    return render(request, "portal/documents.html", context, status=status)


@resident_required
def document_download(request: HttpRequest, resident: Resident, document_id: int) -> FileResponse:
    document = selectors.own_document(resident, document_id)
    return FileResponse(
        stored_path(document).open("rb"),
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )


@resident_required
def requests(request: HttpRequest, resident: Resident) -> HttpResponseBase:
    form = forms.RightsRequestForm(request.POST or None)
    if form.is_valid():
        try:
            rights_request_create(
                resident=resident,
                kind=form.cleaned_data["kind"],
                detail=form.cleaned_data["detail"],
                actor=request.user,  # type: ignore[arg-type]
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Your request was sent to the center."))
            return redirect("portal-requests")
    context = {"form": form, "requests": selectors.own_requests(resident)}
    return render(request, "portal/requests.html", context)


@resident_required
def my_data_download(request: HttpRequest, resident: Resident) -> HttpResponse:
    body = json.dumps(my_data(resident), ensure_ascii=False, indent=2, default=str)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    return response


def help_page(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/help.html", {"info": selectors.help_info()})
