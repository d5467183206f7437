"""The JSON API at /api/v1/ (django-ninja): OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs."""

from typing import Any

from ninja import NinjaAPI

from ieum.core.api_auth import StaffSessionAuth, TokenAuth
from ieum.core.api_errors import declare_error_responses, install_error_handlers


class IeumAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> Any:
        return declare_error_responses(super().get_openapi_schema(**kwargs))


api = IeumAPI(
    title="Ieum API",
    version="1",
    description="Operating platform of a regional Immigration & Foreigner Comprehensive Support Center.",
    auth=[TokenAuth(), StaffSessionAuth()],
    urls_namespace="api",
)
install_error_handlers(api)

api.add_router("/residents", "ieum.residents.api.router")
api.add_router("/", "ieum.privacy.api.router")
api.add_router("/casework", "ieum.casework.api.router")
api.add_router("/interpreting", "ieum.interpreting.api.router")
api.add_router("/chat", "ieum.chat.api.router")
api.add_router("/knowledge", "ieum.knowledge.api.router")
api.add_router("/referrals", "ieum.referrals.api.router")
api.add_router("/visas", "ieum.visas.api.router")
api.add_router("/grants", "ieum.grants.api.router")
api.add_router("/jobs", "ieum.jobs.api.router")
api.add_router("/care", "ieum.care.api.router")
api.add_router("/learning", "ieum.learning.api.router")
api.add_router("/events", "ieum.events.api.router")
api.add_router("/notify", "ieum.notify.api.router")
api.add_router("/surveys", "ieum.surveys.api.router")
api.add_router("/insights", "ieum.insights.api.router")
