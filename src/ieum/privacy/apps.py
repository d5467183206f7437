from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "ieum.privacy"
    label = "privacy"
    verbose_name = "Privacy: consent, provision ledger, retention, de-identification"

    def ready(self) -> None:
        from ieum.privacy.models import Consent, RightsRequest
        from ieum.privacy.timeline_messages import messages
        from ieum.residents import timeline

        timeline.register(messages)

        from ieum.core import workspace
        from ieum.privacy.workspace_tasks import privacy_tasks

        workspace.register(privacy_tasks)
        consent_kinds = timeline.choices_of(Consent.Kind.choices)
        timeline.register_param_labels("consent.given", "kind", consent_kinds)
        timeline.register_param_labels("consent.withdrawn", "kind", consent_kinds)
        timeline.register_param_labels(
            "rights.requested", "kind", timeline.choices_of(RightsRequest.Kind.choices)
        )
