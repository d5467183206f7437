from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "ieum.insights"
    label = "insights"
    verbose_name = "Insights"
