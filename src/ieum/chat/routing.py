"""WebSocket routes of the chat (mounted by ieum.config.asgi)."""

from django.urls import path

from ieum.chat.consumers import ChatConsumer

websocket_urlpatterns = [
    path("ws/chat/<int:conversation_id>/", ChatConsumer.as_asgi()),
]
