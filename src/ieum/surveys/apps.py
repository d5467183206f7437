from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "ieum.surveys"
    label = "surveys"
    verbose_name = "Surveys"
