from django.urls import path

from ieum.privacy import views

urlpatterns = [
    path("access-review/", views.access_review_page, name="privacy-access-review"),
]
