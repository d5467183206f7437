from django.urls import path

from ieum.visas import portal_views, views

app_name = "visas"

urlpatterns = [
    path("", views.home, name="home"),
    path("residents/<int:resident_id>/screen/", views.resident_screen, name="screen"),
    path("applications/", views.application_list, name="applications"),
    path("applications/<int:application_id>/", views.application_detail, name="application"),
    path("applications/<int:application_id>/review/", views.application_review, name="review"),
    path("applications/<int:application_id>/filing/", views.application_filing, name="filing"),
    path("applications/<int:application_id>/letter.pdf", views.application_letter, name="letter"),
    path("quotas/", views.quota_list, name="quotas"),
    path("quotas.xlsx", views.quota_xlsx, name="quotas-xlsx"),
    path("parameters/", views.parameter_list, name="parameters"),
    path("tracks/", views.track_list, name="tracks"),
    path("tracks/<int:track_id>/", views.track_detail, name="track"),
    path("indicators/", views.indicator_report, name="indicators"),
    path("indicators.xlsx", views.indicator_xlsx, name="indicators-xlsx"),
    path("obligations/", views.obligation_alerts, name="obligations"),
    path("my/eligibility/", portal_views.my_eligibility, name="my-eligibility"),
]
