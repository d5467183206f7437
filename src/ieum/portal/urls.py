from django.urls import path

from ieum.portal import views

urlpatterns = [
    path("", views.home, name="portal-home"),
    path("signup/", views.signup, name="portal-signup"),
    path("signin/", views.signin, name="portal-signin"),
    path("signin/code/", views.code, name="portal-code"),
    path("signout/", views.signout, name="portal-signout"),
    path("language/", views.language, name="portal-language"),
    path("profile/", views.profile, name="portal-profile"),
    path("consents/", views.consents, name="portal-consents"),
    path("consents/<int:consent_id>/withdraw/", views.consent_withdraw_view, name="portal-consent-withdraw"),
    path("documents/", views.documents, name="portal-documents"),
    path("documents/<int:document_id>/", views.document_download, name="portal-document"),
    path("requests/", views.requests, name="portal-requests"),
    path("requests/my-data.json", views.my_data_download, name="portal-my-data"),
]
