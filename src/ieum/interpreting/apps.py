from django.apps import AppConfig


class InterpretingConfig(AppConfig):
    name = "ieum.interpreting"
    label = "interpreting"
    verbose_name = "Interpreting"
