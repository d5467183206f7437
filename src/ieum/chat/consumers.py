"""The chat's WebSocket: `ws/chat/<conversation_id>/`. Access is decided by the same helper as the
pages (`get_conversation_for_user`); staff must have passed their one-time code in this session.

Clients send {"text": "..."}; everyone connected to the conversation receives
{"type": "message", "id": …, "html": …} rendered for their own language, with provenance."""

from __future__ import annotations

from typing import Any

from asgiref.sync import async_to_sync
from channels.generic.websocket import JsonWebsocketConsumer
from django.core.exceptions import ValidationError
from django.http import Http404
from django.template.loader import render_to_string
from django.utils import translation
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.models import Device

from ieum.chat.access import (
    get_conversation_for_user,
    may_write_in_conversation,
    reader_role_of,
    sender_role_of,
)
from ieum.chat.models import Conversation, Message
from ieum.chat.selectors import shown_message
from ieum.chat.services import group_name, message_post
from ieum.chat.views_common import reader_languages

DENIED = 4403


def _second_factor_passed(scope: dict, user: Any) -> bool:
    """What django-otp's middleware does for pages: the session names a device of this user."""
    if not user.is_staff_role:
        return True
    session = scope.get("session")
    persistent_id = session.get(DEVICE_ID_SESSION_KEY) if session is not None else None
    device = Device.from_persistent_id(persistent_id) if persistent_id else None
    return device is not None and device.user_id == user.pk


class ChatConsumer(JsonWebsocketConsumer):
    conversation: Conversation | None = None

    def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated or not _second_factor_passed(self.scope, user):
            self.close(code=DENIED)
            return
        try:
            conversation_id = int(self.scope["url_route"]["kwargs"]["conversation_id"])
            self.conversation = get_conversation_for_user(user, conversation_id, channel="websocket")
        except (Http404, KeyError, ValueError):
            self.close(code=DENIED)
            return
        self.user = user
        self.role = sender_role_of(user)
        self.reader_role = reader_role_of(user)
        self.content_language, self.ui_language = reader_languages(user, self.conversation)
        async_to_sync(self.channel_layer.group_add)(group_name(self.conversation.pk), self.channel_name)
        self.accept()

    def disconnect(self, code: int) -> None:
        if self.conversation is not None:
            async_to_sync(self.channel_layer.group_discard)(
                group_name(self.conversation.pk), self.channel_name
            )

    def receive_json(self, content: Any, **kwargs: Any) -> None:
        if self.conversation is None:  # connect() closed the socket; nothing to receive
            return
        self.user.refresh_from_db(fields=["is_active", "role"])
        # An interpreter may follow the chat here but not write in it (see chat.access).
        if not may_write_in_conversation(self.user, self.conversation):
            self.close(code=DENIED)
            return
        text = content.get("text", "") if isinstance(content, dict) else ""
        try:
            message_post(
                conversation=self.conversation, sender=self.user, sender_role=self.role, text=str(text)
            )
        except ValidationError as exc:
            with translation.override(self.ui_language):
                self.send_json({"type": "error", "message": " ".join(str(m) for m in exc.messages)})

    def chat_message(self, event: dict) -> None:
        """A message was posted to this conversation (from here, another tab or a form POST)."""
        message = (
            Message.objects.prefetch_related("translations__translator")
            .filter(pk=event["message_id"])
            .first()
        )
        if message is None or self.conversation is None:
            return
        with translation.override(self.ui_language):
            shown = shown_message(
                message, reader_language=self.content_language, reader_role=self.reader_role
            )
            html = render_to_string("chat/_message.html", {"m": shown})
        self.send_json(
            {
                "type": "message",
                "id": shown.id,
                "text": shown.text,
                "language": shown.text_language,
                "original": shown.original,
                "original_language": shown.original_language,
                "provenance": shown.provenance,
                "untranslated": shown.untranslated,
                "html": html,
            }
        )
