from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "ieum.events"
    label = "events"
    verbose_name = "Events and campaigns"
