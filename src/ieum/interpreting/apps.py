from django.apps import AppConfig


class InterpretingConfig(AppConfig):
    name = "ieum.interpreting"
    label = "interpreting"
    verbose_name = "Interpreting"

    def ready(self) -> None:
        from ieum.core import workspace
        from ieum.interpreting.models import Modality
        from ieum.interpreting.timeline_messages import interpreting_messages
        from ieum.interpreting.workspace_tasks import interpreting_tasks
        from ieum.residents import timeline

        timeline.register(interpreting_messages)
        for kind in ("interpreting.requested", "interpreting.attached"):
            timeline.register_param_labels(kind, "modality", timeline.choices_of(Modality.choices))
        workspace.register(interpreting_tasks)
