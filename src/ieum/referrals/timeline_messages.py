"""The referral sentences of the resident's timeline, in the reader's language."""

from __future__ import annotations

from django.utils.translation import gettext as _


def referral_messages() -> dict[str, str]:
    return {
        "referral.sent": _("Referred to %(partner)s."),
        "referral.accepted": _("%(partner)s accepted the referral."),
        "referral.declined": _("%(partner)s declined the referral."),
        "referral.appointment": _("Appointment at %(partner)s on %(at)s."),
        "referral.completed": _("%(partner)s reported the outcome of the referral."),
        "referral.closed": _("Referral to %(partner)s closed."),
    }
