from django.apps import AppConfig


class VisasConfig(AppConfig):
    name = "ieum.visas"
    label = "visas"
    verbose_name = "Visa programs"
