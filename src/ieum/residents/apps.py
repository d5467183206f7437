from django.apps import AppConfig


class ResidentsConfig(AppConfig):
    name = "ieum.residents"
    label = "residents"
    verbose_name = "Residents"

    def ready(self) -> None:
        from ieum.residents.timeline import _register_resident_labels

        _register_resident_labels()

        from ieum.core import workspace
        from ieum.residents.workspace_tasks import resident_tasks

        workspace.register(resident_tasks)
