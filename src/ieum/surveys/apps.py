from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "ieum.surveys"
    label = "surveys"
    verbose_name = "Surveys"

    def ready(self) -> None:
        from ieum.residents import timeline
        from ieum.surveys.timeline_messages import survey_messages

        timeline.register(survey_messages)

        from ieum.core import workspace
        from ieum.surveys.workspace_tasks import survey_tasks

        workspace.register(survey_tasks)
