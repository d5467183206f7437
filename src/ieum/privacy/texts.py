"""Consent texts, rendered in the resident's language from whole translatable sentences.

The rendered text is stored with each consent, so the record shows exactly what the person saw.
Change TEXT_VERSION whenever a sentence here changes.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from ieum.privacy.vocabulary import Item, Purpose

TEXT_VERSION = "2026-11.1"


def _items_text(items: list[str]) -> str:
    labels = dict(Item.choices)
    return ", ".join(str(labels.get(i, i)) for i in items)


def consent_text(
    *,
    kind: str,
    language: str,
    recipient_name: str = "",
    purpose: str = "",
    items: list[str] | None = None,
    retention: str = "",
) -> str:
    with translation.override(language):
        if kind == "collection":
            return _(
                "The center collects and uses your name, contact details, nationality, languages and the "
                "help you ask for, to give you counselling and services. We keep them while you use our "
                "services and delete or de-identify them when that purpose ends. You may refuse; if you "
                "refuse, we can only answer general questions without a record."
            )
        if kind == "identifiers":
            return _(
                "The center processes your alien registration number or passport number only where a "
                "service needs it (for example a visa recommendation or a grant payment). It is stored "
                "encrypted. You may refuse; if you refuse, services that need the number cannot be "
                "provided."
            )
        return _(
            "The center will give %(recipient)s the following information: %(items)s. They will use it "
            "for %(purpose)s and keep it for %(retention)s. You may refuse; if you refuse, the center "
            "cannot arrange this service with them for you, but your other services continue."
        ) % {
            "recipient": recipient_name,
            "items": _items_text(items or []),
            "purpose": dict(Purpose.choices).get(purpose, purpose),
            "retention": retention,
        }
