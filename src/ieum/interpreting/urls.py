from django.urls import path

from ieum.interpreting import views

app_name = "interpreting"

urlpatterns = [
    path("mine/", views.mine, name="mine"),
    path("offers/<int:offer_id>/accept/", views.offer_accept, name="offer-accept"),
    path("offers/<int:offer_id>/decline/", views.offer_decline, name="offer-decline"),
    path("requests/", views.request_list, name="request-list"),
    path("requests/new/", views.request_create, name="request-create"),
    path("requests/<int:request_id>/", views.request_detail, name="request-detail"),
    path("requests/<int:request_id>/offer/", views.request_offer, name="request-offer"),
    path("requests/<int:request_id>/cancel/", views.request_cancel, name="request-cancel"),
    path("requests/<int:request_id>/session/", views.session_log, name="session-log"),
    path("registry/", views.registry, name="registry"),
    path("registry/new/", views.interpreter_edit, name="interpreter-create"),
    path("registry/<int:interpreter_id>/", views.interpreter_edit, name="interpreter-edit"),
    path(
        "statements/<int:interpreter_id>/<int:year>/<int:month>/",
        views.statement,
        name="statement",
    ),
    path(
        "statements/<int:interpreter_id>/<int:year>/<int:month>/<str:fmt>/",
        views.statement_download,
        name="statement-download",
    ),
]
