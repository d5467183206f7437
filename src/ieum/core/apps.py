from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "ieum.core"
    label = "core"
    verbose_name = "Ieum core"

    def ready(self) -> None:
        from ieum.core import signals  # noqa: F401  (connects the role-change recorder)
