from django.urls import path

from ieum.chat import views

app_name = "chat"

urlpatterns = [
    path("", views.home, name="home"),
    path("<int:conversation_id>/", views.conversation_page, name="conversation"),
    path("<int:conversation_id>/messages/", views.messages_fragment, name="messages"),
    path("workspace/", views.staff_list, name="staff-list"),
    path("workspace/<int:conversation_id>/", views.staff_page, name="staff"),
    path(
        "workspace/<int:conversation_id>/messages/<int:message_id>/translation/",
        views.correct_translation,
        name="correct",
    ),
    path("workspace/<int:conversation_id>/transcript/", views.transcript, name="transcript"),
]
