from django.apps import AppConfig


class VisasConfig(AppConfig):
    name = "ieum.visas"
    label = "visas"
    verbose_name = "Visa programs"

    def ready(self) -> None:
        from ieum.core import workspace
        from ieum.residents import timeline
        from ieum.visas.timeline import visa_messages
        from ieum.visas.workspace_tasks import visa_tasks

        timeline.register(visa_messages)
        workspace.register(visa_tasks)
