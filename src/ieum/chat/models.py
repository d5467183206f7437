"""Web chat between a resident and the center. Each message keeps its original text and detected
language; each translation says who or what made it (issue 5: translation provenance), so a
transcript can be put before a labour office or a court."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# Korean is the language of the center's records: every message is also kept in Korean.
STAFF_LANGUAGE = "ko"


class Conversation(models.Model):
    """One web chat; it belongs to the case opened when the resident started it."""

    case = models.OneToOneField("casework.Case", on_delete=models.PROTECT, related_name="conversation")
    resident = models.ForeignKey("residents.Resident", on_delete=models.PROTECT, related_name="conversations")
    resident_language = models.CharField(_("language"), max_length=12)
    created_at = models.DateTimeField(auto_now_add=True)
    last_message_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"conversation {self.pk}"

    def languages(self) -> set[str]:
        return {self.resident_language, STAFF_LANGUAGE}


class Message(models.Model):
    class Sender(models.TextChoices):
        RESIDENT = "resident", _("Resident")
        STAFF = "staff", _("Counselor")

    class Untranslated(models.TextChoices):
        """Why a message that needs a translation has none (shown to the reader)."""

        NOT_CONFIGURED = "not_configured", _("No translation service is configured.")
        TIMEOUT = "timeout", _("The translation service did not answer in time.")
        ERROR = "error", _("The translation service failed.")
        UNSUPPORTED = "unsupported", _("The translation service does not translate this language.")

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    sender_role = models.CharField(max_length=10, choices=Sender.choices)
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("message"))
    language = models.CharField(max_length=12)  # detected (ieum.chat.langdetect)
    untranslated_reason = models.CharField(
        max_length=16, choices=Untranslated.choices, blank=True, default=""
    )
    sent_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["sent_at", "id"]

    def __str__(self) -> str:
        return f"message {self.pk}"


class MessageTranslation(models.Model):
    """A translation of a message into one language. A person's correction is a new row; the
    newest row per language is the one shown, the older ones stay as the record."""

    class Kind(models.TextChoices):
        MACHINE = "machine", _("machine translation")
        PERSON = "person", _("translation by a person")

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=12)
    text = models.TextField()
    kind = models.CharField(max_length=8, choices=Kind.choices)
    engine = models.CharField(max_length=60, blank=True)  # "LibreTranslate 1.6" for machine rows
    translator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="machine", translator__isnull=True)
                | models.Q(kind="person", translator__isnull=False),
                name="chat_translation_has_its_maker",
            )
        ]

    def __str__(self) -> str:
        return f"{self.language} translation of message {self.message_id}"
