from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "ieum.jobs"
    label = "jobs"
    verbose_name = "Jobs"
