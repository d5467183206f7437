"""Knowledge base pages in the workspace (/workspace/knowledge/): answers written in Korean,
their translations with stale and machine flags, suggestions and canned replies for a case."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ieum.chat.translation import TranslationFailed
from ieum.core.decorators import staff_required
from ieum.knowledge import forms, selectors, services
from ieum.knowledge.access import get_answer_for_user, require_knowledge_editor
from ieum.knowledge.models import Answer, AnswerTranslation

TARGET_LANGUAGES = [(code, name) for code, name in settings.LANGUAGES if code != "ko"]


def _language(code: str) -> str:
    if code not in dict(TARGET_LANGUAGES):
        raise Http404
    return code


def _data(form: forms.AnswerForm) -> services.AnswerData:
    d = form.cleaned_data
    return services.AnswerData(
        topic_id=d["topic"].pk,
        kind=d["kind"],
        title=d["title"],
        body=d["body"],
        visa_status_id=d["visa_status"].pk if d["visa_status"] else None,
        municipality_id=d["municipality"].pk if d["municipality"] else None,
        valid_from=d["valid_from"],
        valid_to=d["valid_to"],
        source_note=d["source_note"],
        published=d["published"],
    )


@staff_required
def answer_list(request: HttpRequest) -> HttpResponseBase:
    require_knowledge_editor(request.user)
    answers = Answer.objects.select_related("topic", "visa_status", "municipality").prefetch_related(
        "translations"
    )
    rows = []
    for answer in answers:
        by_language = {t.language: t for t in answer.translations.all()}
        stale = sorted(code for code, t in by_language.items() if t.stale)
        missing = [code for code, _name in TARGET_LANGUAGES if code not in by_language]
        rows.append({"answer": answer, "stale": stale, "missing": len(missing)})
    return render(request, "knowledge/list.html", {"rows": rows, "languages": TARGET_LANGUAGES})


def _save_answer(request: HttpRequest, answer: Answer | None) -> HttpResponseBase:
    form = forms.AnswerForm(request.POST or None, instance=answer)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.answer_save(data=_data(form), actor=request.user, answer=answer)  # type: ignore[arg-type]
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("knowledge:answer", saved.pk)
    translations = {t.language: t for t in answer.translations.all()} if answer else {}
    return render(
        request,
        "knowledge/answer.html",
        {
            "form": form,
            "answer": answer,
            "languages": [(code, name, translations.get(code)) for code, name in TARGET_LANGUAGES],
        },
    )


@staff_required
def answer_create(request: HttpRequest) -> HttpResponseBase:
    require_knowledge_editor(request.user)
    return _save_answer(request, None)


@staff_required
def answer_edit(request: HttpRequest, answer_id: int) -> HttpResponseBase:
    return _save_answer(request, get_answer_for_user(request.user, answer_id))


@staff_required
def translation_edit(request: HttpRequest, answer_id: int, language: str) -> HttpResponseBase:
    answer = get_answer_for_user(request.user, answer_id)
    language = _language(language)
    current = AnswerTranslation.objects.filter(answer=answer, language=language).first()
    initial = {"title": current.title, "body": current.body} if current else {}
    form = forms.TranslationForm(request.POST or None, initial=initial)
    if request.method == "POST" and request.POST.get("action") == "draft":
        try:
            services.answer_translation_draft(answer=answer, language=language)
        except TranslationFailed:
            messages.error(request, _("The translation service failed."))
        return redirect("knowledge:translation", answer.pk, language)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_translation_save(
                answer=answer,
                language=language,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                actor=request.user,  # type: ignore[arg-type]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("knowledge:answer", answer.pk)
    return render(
        request,
        "knowledge/translation.html",
        {"form": form, "answer": answer, "language": language, "current": current},
    )


@staff_required
def stale_list(request: HttpRequest) -> HttpResponseBase:
    require_knowledge_editor(request.user)
    language = request.GET.get("language") or TARGET_LANGUAGES[1][0]
    language = _language(language)
    return render(
        request,
        "knowledge/stale.html",
        {
            "language": language,
            "languages": TARGET_LANGUAGES,
            "stale": selectors.stale_translations(language),
            "missing": selectors.missing_translations(language),
        },
    )


def _case(request: HttpRequest, case_id: int, action: str = "view") -> Any:
    from ieum.casework.access import get_case_for_user

    require_knowledge_editor(request.user)
    return get_case_for_user(request.user, case_id, request=request, action=action, purpose="knowledge base")


@staff_required
def case_suggestions(request: HttpRequest, case_id: int) -> HttpResponseBase:
    """Answers that fit the case (topic, status of stay, region, date), best first by its text;
    each in the resident's language with how it was translated, ready to send as a reply."""
    case = _case(request, case_id)
    language = case.language or "ko"
    found = [selectors.localised(a, language) for a in selectors.suggestions_for_case(case)]
    from ieum.chat.models import Conversation

    conversation = Conversation.objects.filter(case=case).first()
    return render(
        request,
        "knowledge/suggestions.html",
        {"case": case, "suggestions": found, "conversation": conversation, "language": language},
    )


@require_POST
@staff_required
def case_reply(request: HttpRequest, case_id: int, answer_id: int) -> HttpResponseBase:
    """Send an answer into the case's chat in the resident's language: a stored translation, else
    the Korean with a machine translation made now, each marked as such."""
    from ieum.chat.access import get_conversation_for_user
    from ieum.chat.models import Conversation
    from ieum.chat.services import message_post_canned

    case = _case(request, case_id, action="change")
    answer = get_answer_for_user(request.user, answer_id)
    conversation = Conversation.objects.filter(case=case).first()
    if conversation is None:
        raise Http404
    conversation = get_conversation_for_user(request.user, conversation.pk, request=request, action="change")
    shown = selectors.localised(answer, conversation.resident_language, machine_fallback=True)
    message_post_canned(
        conversation=conversation,
        sender=request.user,  # type: ignore[arg-type]
        source_text=f"{answer.title}\n\n{answer.body}",
        translated_text=f"{shown.title}\n\n{shown.body}" if shown.how != "source" else "",
        translated_language=shown.language,
        machine_engine=shown.engine if shown.how in ("machine", "machine_now") else "",
        translator=shown.translator if shown.how == "person" else None,  # type: ignore[arg-type]
    )
    return redirect(reverse("chat:staff", args=[conversation.pk]))
