from django.apps import AppConfig


class ResidentsConfig(AppConfig):
    name = "ieum.residents"
    label = "residents"
    verbose_name = "Residents"
