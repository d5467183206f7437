from django.urls import path

from ieum.events import views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="list"),
    path("manage/", views.manage, name="manage"),
    path("manage/<int:event_id>/", views.manage_event, name="manage-event"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/register/", views.register, name="register"),
    path("<slug:slug>/cancel/", views.cancel, name="cancel"),
]
