from django.urls import path

from ieum.insights import views

app_name = "insights"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("labor/", views.labor, name="labor"),
    path("projection/", views.projection_page, name="projection"),
    path("scenarios/", views.scenarios, name="scenarios"),
    path("scenarios/compare/", views.compare, name="compare"),
    path("scenarios/report.<str:fmt>", views.report, name="report"),
]
