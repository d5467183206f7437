from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "ieum.care"
    label = "care"
    verbose_name = "Clinic and legal care"
