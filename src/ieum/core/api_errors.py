"""API errors as JSON with a message in the caller's language."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as NinjaValidationError

from ieum.core.api_auth import SecondFactorRequired


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(ValidationError)
    def django_validation(request: HttpRequest, exc: ValidationError):
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
        return api.create_response(
            request, {"detail": _("Please correct the errors below."), "errors": errors}, status=400
        )

    @api.exception_handler(NinjaValidationError)
    def schema_validation(request: HttpRequest, exc: NinjaValidationError):
        return api.create_response(
            request, {"detail": _("The request is not valid."), "errors": exc.errors}, status=422
        )

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404):
        return api.create_response(request, {"detail": _("Not found.")}, status=404)

    @api.exception_handler(PermissionDenied)
    def forbidden(request: HttpRequest, exc: PermissionDenied):
        return api.create_response(request, {"detail": _("You do not have access to this.")}, status=403)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError):
        if isinstance(exc, SecondFactorRequired):
            detail = _("Please confirm your sign-in with a one-time code first.")
            return api.create_response(request, {"detail": detail}, status=401)
        return api.create_response(request, {"detail": _("Please sign in.")}, status=401)
