"""A bilingual transcript of a conversation (PDF) for labor or legal proceedings: time, sender,
original with its language, the translation and who or what made it."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from ieum.chat.models import STAFF_LANGUAGE, Conversation, Message, MessageTranslation
from ieum.core.models import Role
from ieum.lib.formatting import language_name
from ieum.lib.pdf import PdfDocument


def _translation_cell(message: Message, language: str) -> tuple[str, str]:
    rows = [t for t in message.translations.all() if t.language != message.language]
    if not rows:
        reason = message.untranslated_reason
        return "", str(Message.Untranslated(reason).label) if reason else ""
    current = max(rows, key=lambda t: (t.created_at, t.pk))
    if current.kind == MessageTranslation.Kind.MACHINE:
        who = _("Machine translation by %(engine)s") % {"engine": current.engine}
    elif getattr(current.translator, "role", None) == Role.INTERPRETER:
        who = _("Translation by %(name)s, interpreter") % {"name": str(current.translator)}
    else:
        who = _("Translation by %(name)s") % {"name": str(current.translator)}
    return f"[{language_name(current.language, language)}] {current.text}", who


def transcript_pdf(conversation: Conversation, *, language: str, purpose: str, made_by: str) -> bytes:
    case = conversation.case
    doc = PdfDocument(title=_("Chat transcript"))
    doc.heading(_("Chat transcript"))
    doc.paragraph(
        _("Case %(number)s · conversation in %(language)s and %(staff_language)s")
        % {
            "number": case.number or case.pk,
            "language": language_name(conversation.resident_language, language),
            "staff_language": language_name(STAFF_LANGUAGE, language),
        }
    )
    doc.paragraph(
        _("Made on %(date)s by %(name)s for: %(purpose)s")
        % {"date": timezone.localtime().strftime("%Y-%m-%d %H:%M"), "name": made_by, "purpose": purpose},
        size=9.5,
    )
    rows: list[list[str]] = [[_("Time"), _("Sender"), _("Original"), _("Translation"), _("Made by")]]
    messages = conversation.messages.prefetch_related("translations__translator")
    for message in messages:
        translated, who = _translation_cell(message, language)
        rows.append(
            [
                timezone.localtime(message.sent_at).strftime("%Y-%m-%d %H:%M:%S"),
                str(Message.Sender(message.sender_role).label),
                f"[{language_name(message.language, language)}] {message.text}",
                translated,
                who,
            ]
        )
    doc.table(rows, col_widths=(24, 18, 50, 50, 32), size=8.5)
    return doc.output()
