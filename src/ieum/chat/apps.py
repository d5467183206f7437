from django.apps import AppConfig


class ChatConfig(AppConfig):
    name = "ieum.chat"
    label = "chat"
    verbose_name = "Chat"

    def ready(self) -> None:
        from ieum.chat.timeline import chat_messages
        from ieum.residents import timeline

        timeline.register(chat_messages)

        from ieum.chat.workspace_tasks import chat_tasks
        from ieum.core import workspace

        workspace.register(chat_tasks)
