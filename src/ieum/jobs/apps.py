from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "ieum.jobs"
    label = "jobs"
    verbose_name = "Jobs"

    def ready(self) -> None:
        from ieum.core import workspace
        from ieum.jobs.workspace_tasks import jobs_messages, jobs_tasks
        from ieum.residents import timeline

        timeline.register(jobs_messages)
        workspace.register(jobs_tasks)
