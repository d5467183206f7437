from __future__ import annotations

from django.utils.translation import gettext as _


def events_messages() -> dict[str, str]:
    return {
        "events.registered": _("Registered for the event %(event)s."),
        "events.waitlisted": _("On the waiting list of the event %(event)s."),
        "events.cancelled": _("Registration for the event %(event)s cancelled."),
    }
