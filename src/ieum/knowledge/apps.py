from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "ieum.knowledge"
    label = "knowledge"
    verbose_name = "Knowledge base"

    def ready(self) -> None:
        from ieum.core import workspace
        from ieum.knowledge.workspace_tasks import knowledge_tasks

        workspace.register(knowledge_tasks)
