from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "ieum.core"
    label = "core"
    verbose_name = "Ieum core"
