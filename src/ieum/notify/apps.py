from django.apps import AppConfig


class NotifyConfig(AppConfig):
    name = "ieum.notify"
    label = "notify"
    verbose_name = "Notifications"
