"""Reads of events: the page in the reader's language, with the configured fallback."""

from __future__ import annotations

from django.db.models import QuerySet

from ieum.events.models import Event, EventText
from ieum.notify.templates import fallback_chain


def text_for(event: Event, language: str) -> EventText:
    texts = {t.language: t for t in event.texts.all()}
    for code in [*fallback_chain(language), "ko"]:
        if code in texts:
            return texts[code]
    return EventText(event=event, language="", title=event.slug, body="")


def published() -> QuerySet[Event]:
    return Event.objects.filter(published=True).prefetch_related("texts")
