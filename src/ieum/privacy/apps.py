from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "ieum.privacy"
    label = "privacy"
    verbose_name = "Privacy: consent, provision ledger, retention, de-identification"

    def ready(self) -> None:
        from ieum.privacy.timeline_messages import messages
        from ieum.residents import timeline

        timeline.register(messages)
