from django.urls import path

from ieum.knowledge import views

app_name = "knowledge"

urlpatterns = [
    path("", views.answer_list, name="list"),
    path("new/", views.answer_create, name="create"),
    path("stale/", views.stale_list, name="stale"),
    path("<int:answer_id>/", views.answer_edit, name="answer"),
    path("<int:answer_id>/<str:language>/", views.translation_edit, name="translation"),
    path("cases/<int:case_id>/", views.case_suggestions, name="suggestions"),
    path("cases/<int:case_id>/reply/<int:answer_id>/", views.case_reply, name="reply"),
]
