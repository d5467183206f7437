from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "ieum.referrals"
    label = "referrals"
    verbose_name = "Referrals"

    def ready(self) -> None:
        from ieum.core import workspace
        from ieum.referrals.timeline_messages import referral_messages
        from ieum.referrals.workspace_tasks import referral_tasks
        from ieum.residents import timeline

        timeline.register(referral_messages)
        workspace.register(referral_tasks)
