"""Timeline messages: each event kind is one whole translatable sentence with named placeholders,
rendered in the reader's language when the page is shown (not when the event is stored)."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext as _

# Each app registers a function returning {kind: translated sentence}; called at render time
# so the reader's active language applies.
_providers: list[Callable[[], dict[str, str]]] = []
# Parameters stored as codes ("relation": "spouse") and the choices that label them, so the
# sentence reads in the reader's language rather than the writer's.
_param_labels: dict[tuple[str, str], Callable[[], dict[str, str]]] = {}


def register(provider: Callable[[], dict[str, str]]) -> None:
    if provider not in _providers:
        _providers.append(provider)


def register_param_labels(kind: str, param: str, choices: Callable[[], dict[str, str]]) -> None:
    _param_labels[(kind, param)] = choices


def _labelled(kind: str, params: dict) -> dict:
    out = dict(params)
    for name, value in params.items():
        labels = _param_labels.get((kind, name))
        if labels is not None:
            out[name] = str(labels().get(value, value))
    return out


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


def choices_of(model_choices) -> Callable[[], dict[str, str]]:
    return lambda: {value: str(label) for value, label in model_choices}


def _register_resident_labels() -> None:
    from ieum.residents.models import DuplicateFlag, Education, HouseholdLink

    register_param_labels("household.linked", "relation", choices_of(HouseholdLink.Relation.choices))
    register_param_labels("resident.duplicate_flagged", "reason", choices_of(DuplicateFlag.Reason.choices))
    register_param_labels("education.recorded", "level", choices_of(Education.Level.choices))


def render_event(kind: str, params: dict) -> str:
    template = _messages().get(kind)
    if template is None:
        return kind
    try:
        return template % _labelled(kind, params)
    except (KeyError, TypeError, ValueError):
        return template
