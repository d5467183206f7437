from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "ieum.knowledge"
    label = "knowledge"
    verbose_name = "Knowledge base"
