from django.urls import path

from ieum.jobs import views

app_name = "jobs"

urlpatterns = [
    path("employer/", views.employer_home, name="employer-home"),
    path("employer/vacancies/new/", views.vacancy_new, name="vacancy-new"),
    path("employer/vacancies/<int:vacancy_id>/", views.employer_vacancy, name="employer-vacancy"),
    path(
        "employer/vacancies/<int:vacancy_id>/candidates/<int:seeker_id>/",
        views.candidate_stage,
        name="candidate-stage",
    ),
    path("my/", views.my_jobs, name="my"),
    path("my/consent/", views.my_consent, name="my-consent"),
    path("workspace/seekers/<int:resident_id>/", views.helper_profile, name="helper-profile"),
    path("workspace/employers/", views.employers, name="employers"),
    path("workspace/employers/<int:employer_id>/verify/", views.employer_verify, name="employer-verify"),
    path("workspace/rounds/", views.rounds, name="rounds"),
    path("workspace/rounds/<int:round_id>/", views.round_detail, name="round"),
    path("workspace/report/", views.report_page, name="report"),
    path("workspace/report.xlsx", views.report_export, name="report-export"),
]
