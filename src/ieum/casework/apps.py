from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "ieum.casework"
    label = "casework"
    verbose_name = "Casework"
