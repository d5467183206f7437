from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "ieum.care"
    label = "care"
    verbose_name = "Clinic and legal care"

    def ready(self) -> None:
        from ieum.care.timeline_messages import care_messages
        from ieum.residents.timeline import register

        register(care_messages)
