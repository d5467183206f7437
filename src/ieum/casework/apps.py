from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "ieum.casework"
    label = "casework"
    verbose_name = "Casework"

    def ready(self) -> None:
        from ieum.casework.events import case_messages, register_labels
        from ieum.casework.workspace_tasks import casework_tasks
        from ieum.core import workspace
        from ieum.residents import timeline

        timeline.register(case_messages)
        register_labels()
        workspace.register(casework_tasks)
