"""API errors as JSON with a message in the caller's language."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as NinjaValidationError

from ieum.core.api_auth import SecondFactorRequired

# Every error below answers with this body; the OpenAPI spec declares it on every operation.
ERROR_STATUSES = {
    400: "The input was refused (per-field messages in `errors`).",
    401: "Not signed in, an unknown or revoked token, or a session without its one-time code.",
    403: "The caller's role may not do this.",
    404: "No such record within the caller's reach.",
    422: "The request does not match the schema (details in `errors`).",
}


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] | list[dict[str, Any]] | None = None


def declare_error_responses(spec: dict[str, Any]) -> dict[str, Any]:
    """Adds the error answers to every operation of an OpenAPI spec (clients and fuzzers read them)."""
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    schemas["ErrorOut"] = ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}")
    body = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}
    for operations in spec.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for status, description in ERROR_STATUSES.items():
                responses.setdefault(status, {"description": description, "content": body})
    return spec


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
