from django.apps import AppConfig


class GrantsConfig(AppConfig):
    name = "ieum.grants"
    label = "grants"
    verbose_name = "Grants and budget"

    def ready(self) -> None:
        from ieum.core import workspace
        from ieum.grants.texts import timeline_messages
        from ieum.grants.workspace_tasks import grant_tasks
        from ieum.residents import timeline

        timeline.register(timeline_messages)
        workspace.register(grant_tasks)
