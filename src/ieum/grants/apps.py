from django.apps import AppConfig


class GrantsConfig(AppConfig):
    name = "ieum.grants"
    label = "grants"
    verbose_name = "Grants and budget"
