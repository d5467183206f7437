"""Timeline messages: each event kind is one whole translatable sentence with named placeholders,
rendered in the reader's language when the page is shown (not when the event is stored)."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext as _

# Each app registers a function returning {kind: translated sentence}; called at render time
# so the reader's active language applies.
_providers: list[Callable[[], dict[str, str]]] = []


def register(provider: Callable[[], dict[str, str]]) -> None:
    if provider not in _providers:
        _providers.append(provider)


def _messages() -> dict[str, str]:
    merged: dict[str, str] = {}
    for provider in _providers:
        merged.update(provider())
    return merged


def resident_messages() -> dict[str, str]:
    return {
        "resident.created": _("Record created."),
        "resident.updated": _("Record updated: %(fields)s."),
        "resident.imported": _("Record created by import of %(file)s."),
        "resident.merged": _("Record %(other)s was merged into this one."),
        "resident.merged_away": _("This record was merged into %(other)s."),
        "resident.duplicate_flagged": _("Possible duplicate of %(other)s flagged (%(reason)s)."),
        "resident.identifier_revealed": _("An identifier was shown to staff for: %(purpose)s."),
        "visa.recorded": _("Status of stay %(status)s recorded from %(valid_from)s."),
        "document.uploaded": _("Document uploaded: %(name)s."),
        "household.linked": _("Household link recorded: %(relation)s."),
        "korean.recorded": _("Korean level recorded: %(kind)s %(level)s."),
        "income.declared": _("Income declared for %(year)s."),
        "education.recorded": _("Education recorded: %(level)s."),
    }


register(resident_messages)


def render_event(kind: str, params: dict) -> str:
    template = _messages().get(kind)
    if template is None:
        return kind
    try:
        return template % params
    except (KeyError, TypeError, ValueError):
        return template
