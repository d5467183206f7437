from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "ieum.learning"
    label = "learning"
    verbose_name = "Korean classes"

    def ready(self) -> None:
        from ieum.learning.timeline_messages import learning_messages
        from ieum.residents.timeline import register

        register(learning_messages)
