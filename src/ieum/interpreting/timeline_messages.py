"""The interpreting sentences of the resident's timeline, in the reader's language."""

from __future__ import annotations

from django.utils.translation import gettext as _


def interpreting_messages() -> dict[str, str]:
    return {
        "interpreting.requested": _("Interpreter requested (%(language)s, %(modality)s)."),
        "interpreting.attached": _("Interpreter attached (%(language)s, %(modality)s)."),
    }
