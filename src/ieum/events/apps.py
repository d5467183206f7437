from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "ieum.events"
    label = "events"
    verbose_name = "Events and campaigns"

    def ready(self) -> None:
        from ieum.events.timeline_messages import events_messages
        from ieum.residents.timeline import register

        register(events_messages)
