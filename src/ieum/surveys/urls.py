from django.urls import path

from ieum.surveys import openrosa, respond, views

app_name = "surveys"

urlpatterns = [
    path("manage/", views.survey_list, name="list"),
    path("manage/<int:survey_id>/", views.survey_detail, name="detail"),
    path("manage/<int:survey_id>/review/", views.submissions_review, name="review"),
    path(
        "manage/<int:survey_id>/submissions/<int:submission_id>/", views.submission_detail, name="submission"
    ),
    path("manage/<int:survey_id>/export/", views.export_create, name="export-create"),
    path("manage/exports/<int:export_id>/", views.export_detail, name="export"),
    path("answer/<str:token>/", respond.answer, name="answer"),
    path("answer/<str:token>/thanks/", respond.thanks, name="thanks"),
    path("mine/<int:submission_id>/", respond.my_submission, name="mine"),
    path("openrosa/formList", openrosa.form_list, name="openrosa-forms"),
    path("openrosa/forms/<int:version_id>/form.xml", openrosa.form_xml, name="openrosa-form"),
    path("openrosa/submission", openrosa.submission, name="openrosa-submission"),
]
