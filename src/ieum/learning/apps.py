from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "ieum.learning"
    label = "learning"
    verbose_name = "Korean classes"
