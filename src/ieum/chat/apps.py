from django.apps import AppConfig


class ChatConfig(AppConfig):
    name = "ieum.chat"
    label = "chat"
    verbose_name = "Chat"
