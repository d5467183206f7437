from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "ieum.care"
    label = "care"
    verbose_name = "Clinic and legal care"

    def ready(self) -> None:
        from ieum.care.timeline_messages import care_messages
        from ieum.care.workspace_tasks import care_tasks
        from ieum.core import workspace
        from ieum.residents.timeline import register

        register(care_messages)
        workspace.register(care_tasks)
