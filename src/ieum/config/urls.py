from django.contrib import admin
from django.urls import include, path
from django_otp.admin import OTPAdminSite

from ieum.config.api import api
from ieum.core.languages import set_language
from ieum.portal.views import help_page

# The admin, like the workspace, needs a one-time code after the password (facts.md §5).
admin.site.__class__ = OTPAdminSite

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("i18n/setlang/", set_language, name="set_language"),
    path("", include("ieum.core.urls")),
    path("residents/", include("ieum.residents.urls")),
    path("workspace/privacy/", include("ieum.privacy.urls")),
    path("my/", include("ieum.portal.urls")),
    path("help/", help_page, name="help"),
    path("workspace/cases/", include("ieum.casework.urls")),
    path("workspace/interpreting/", include("ieum.interpreting.urls")),
    path("chat/", include("ieum.chat.urls")),
    path("workspace/knowledge/", include("ieum.knowledge.urls")),
    path("referrals/", include("ieum.referrals.urls")),
    path("visas/", include("ieum.visas.urls")),
    path("grants/", include("ieum.grants.urls")),
    path("jobs/", include("ieum.jobs.urls")),
    path("care/", include("ieum.care.urls")),
    path("learning/", include("ieum.learning.urls")),
    path("events/", include("ieum.events.urls")),
    path("surveys/", include("ieum.surveys.urls")),
    path("workspace/insights/", include("ieum.insights.urls")),
]
