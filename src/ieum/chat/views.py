"""Chat pages. Residents: `/chat/` in the portal layout, working with plain form posts (no
JavaScript needed); with JavaScript, a WebSocket (or polling) brings messages in live. Counselors:
`/chat/workspace/<id>/`, and `chat/_panel.html` for the case page (see `panel_context`). An
interpreter dispatched to the case opens the same address and gets `chat/interpreter.html`: the
messages and their translations to correct, nothing of the case or the resident."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ieum.chat import forms
from ieum.chat.access import (
    TRANSCRIPT_ROLES,
    get_conversation_for_user,
    get_transcript_for_user,
    may_use_conversation,
    reader_role_of,
    sender_role_of,
    session_reaching,
)
from ieum.chat.models import Conversation, Message
from ieum.chat.selectors import (
    conversation_for_interpreter,
    conversation_messages,
    conversations_for_staff,
    conversations_of_resident,
)
from ieum.chat.services import message_post, message_translation_correct
from ieum.chat.transcript import transcript_pdf
from ieum.chat.views_common import reader_languages
from ieum.core.access import log_access
from ieum.core.decorators import staff_required
from ieum.core.models import Role
from ieum.core.two_factor import needs_second_factor
from ieum.portal.views import resident_required


def translation_on() -> bool:
    return settings.IEUM_TRANSLATION_PROVIDER != "none"


def _chat_context(request: HttpRequest, conversation: Conversation, form: Any = None) -> dict[str, Any]:
    user: Any = request.user
    content_language, _ui = reader_languages(user, conversation, translation.get_language())
    return {
        "conversation": conversation,
        "messages": conversation_messages(
            conversation, reader_language=content_language, reader_role=reader_role_of(user)
        ),
        "form": form or forms.MessageForm(),
        "translation_on": translation_on(),
        "poll_url": reverse("chat:messages", args=[conversation.pk]),
        "ws_path": f"/ws/chat/{conversation.pk}/",
    }


def _post_message(request: HttpRequest, conversation: Conversation, form: forms.MessageForm) -> bool:
    if not form.is_valid():
        return False
    try:
        message_post(
            conversation=conversation,
            sender=request.user,  # type: ignore[arg-type]
            sender_role=sender_role_of(request.user),
            text=form.cleaned_data["text"],
        )
    except ValidationError as exc:
        form.add_error("text", exc)
        return False
    return True


# ---- residents -----------------------------------------------------------------------------


@never_cache
@resident_required
def home(request: HttpRequest, resident: Any) -> HttpResponseBase:
    """The resident's chats, and starting a new one (which opens a case)."""
    from ieum.chat.services import conversation_start

    form = forms.StartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            conversation = conversation_start(
                resident=resident,
                topic=form.cleaned_data["topic"],
                actor=request.user,  # type: ignore[arg-type]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            _post_message(request, conversation, forms.MessageForm({"text": form.cleaned_data["text"]}))
            return redirect("chat:conversation", conversation.pk)
    return render(
        request,
        "chat/home.html",
        {
            "form": form,
            "conversations": conversations_of_resident(resident),
            "translation_on": translation_on(),
        },
    )


@never_cache
@resident_required
def conversation_page(request: HttpRequest, resident: Any, conversation_id: int) -> HttpResponseBase:
    conversation = get_conversation_for_user(request.user, conversation_id, request=request)
    form = forms.MessageForm(request.POST or None)
    if request.method == "POST" and _post_message(request, conversation, form):
        return redirect(f"{reverse('chat:conversation', args=[conversation.pk])}#chat-form")
    return render(request, "chat/conversation.html", {"chat": _chat_context(request, conversation, form)})


@never_cache
def messages_fragment(request: HttpRequest, conversation_id: int) -> HttpResponseBase:
    """New messages after `?after=<id>` as list items (polling, for both sides)."""
    user: Any = request.user
    if not user.is_authenticated or needs_second_factor(user):
        raise Http404
    conversation = get_object_or_404(
        Conversation.objects.select_related("case", "resident"), pk=conversation_id
    )
    if not may_use_conversation(user, conversation):
        raise Http404
    try:
        after = max(0, int(request.GET.get("after", "0")))
    except ValueError:
        after = 0
    content_language, _ui = reader_languages(user, conversation, translation.get_language())
    shown = conversation_messages(
        conversation, reader_language=content_language, reader_role=reader_role_of(user), after_id=after
    )
    if shown and user.is_staff_role:
        # A poll that brings nothing new shows nobody's data; one that does is a read, logged.
        log_access(
            user=user,
            action="view",
            subject_type="resident",
            subject_id=conversation.resident_id,
            request=request,
            detail={"conversation": conversation.pk, "messages": len(shown)},
        )
    return render(request, "chat/_messages.html", {"messages": shown})


# ---- staff ---------------------------------------------------------------------------------


def panel_context(request: HttpRequest, case: Any) -> dict[str, Any] | None:
    """For the case page: `{% include "chat/_panel.html" with chat=chat_panel %}` where
    `chat_panel = panel_context(request, case)` (None when the case has no chat). The case page has
    already checked and logged access to the case."""
    conversation = Conversation.objects.filter(case=case).select_related("case", "resident").first()
    if conversation is None or not may_use_conversation(request.user, conversation):
        return None
    return _chat_context(request, conversation)


@never_cache
@staff_required
def staff_list(request: HttpRequest) -> HttpResponseBase:
    if getattr(request.user, "role", None) not in TRANSCRIPT_ROLES:
        raise Http404
    return render(request, "chat/staff_list.html", {"conversations": conversations_for_staff(request.user)})


@never_cache
@staff_required
def staff_page(request: HttpRequest, conversation_id: int) -> HttpResponseBase:
    interpreter = getattr(request.user, "role", None) == Role.INTERPRETER
    if interpreter and request.method == "POST":
        # Interpreters read and correct translations; they do not write in the chat (chat.access).
        raise PermissionDenied
    conversation = get_conversation_for_user(request.user, conversation_id, request=request)
    if interpreter:
        return _interpreter_page(request, conversation)
    form = forms.MessageForm(request.POST or None)
    if request.method == "POST" and _post_message(request, conversation, form):
        return redirect(f"{reverse('chat:staff', args=[conversation.pk])}#chat-form")
    return render(request, "chat/staff.html", {"chat": _chat_context(request, conversation, form)})


def _interpreter_page(request: HttpRequest, conversation: Conversation) -> HttpResponseBase:
    """The chat as an interpreter works on it: the messages and their translations, with a
    correction form for each, and nothing of the case or the resident (privacy issue §1)."""
    session = session_reaching(request.user, conversation)
    if session is None:  # the window closed between the access check and now
        raise Http404
    return render(
        request,
        "chat/interpreter.html",
        {
            "conversation": conversation,
            "session": session,
            "messages": conversation_for_interpreter(conversation),
        },
    )


@require_POST
@staff_required
def correct_translation(request: HttpRequest, conversation_id: int, message_id: int) -> HttpResponseBase:
    conversation = get_conversation_for_user(request.user, conversation_id, request=request, action="change")
    message = get_object_or_404(Message, pk=message_id, conversation=conversation)
    form = forms.CorrectionForm(request.POST)
    # An unknown language or empty text changes nothing, and the page says so.
    if not form.is_valid():
        messages.error(request, _("The translation was not changed: write the corrected text."))
    else:
        try:
            message_translation_correct(
                message=message,
                language=form.cleaned_data["language"],
                text=form.cleaned_data["text"],
                actor=request.user,  # type: ignore[arg-type]
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    return redirect(f"{reverse('chat:staff', args=[conversation.pk])}#msg-{message.pk}")


@never_cache
@staff_required
def transcript(request: HttpRequest, conversation_id: int) -> HttpResponseBase:
    """Form for the purpose (GET), then the PDF (POST); logged as an export with its purpose."""
    form = forms.TranscriptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        conversation = get_transcript_for_user(
            request.user, conversation_id, purpose=form.cleaned_data["purpose"], request=request
        )
        data = transcript_pdf(
            conversation,
            language=translation.get_language() or settings.LANGUAGE_CODE,
            purpose=form.cleaned_data["purpose"],
            made_by=str(request.user),
        )
        response = HttpResponse(data, content_type="application/pdf")
        number = conversation.case.number or conversation.case.pk
        response["Content-Disposition"] = f'attachment; filename="chat-transcript-{number}.pdf"'
        return response
    if getattr(request.user, "role", None) not in TRANSCRIPT_ROLES:
        raise Http404
    conversation = get_conversation_for_user(request.user, conversation_id, request=request)
    return render(request, "chat/transcript.html", {"form": form, "conversation": conversation})
