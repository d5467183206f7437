from django.urls import path

from ieum.learning import views

app_name = "learning"

urlpatterns = [
    path("", views.desk, name="desk"),
    path("courses/<int:course_id>/", views.roster, name="roster"),
    path("my/", views.my_learning, name="my"),
    path("my/courses/<int:course_id>/", views.my_course, name="my-course"),
    path("my/lessons/<int:lesson_id>/done/", views.my_lesson_done, name="my-lesson-done"),
    path("my/enrollments/<int:enrollment_id>/certificate.pdf", views.my_certificate, name="my-certificate"),
]
