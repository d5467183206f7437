from __future__ import annotations

from django.utils.translation import gettext as _


def care_messages() -> dict[str, str]:
    return {
        "care.clinic_booked": _("Clinic appointment booked at %(partner)s for %(when)s."),
        "care.legal_booked": _("Legal consultation booked with %(partner)s for %(when)s."),
        "care.cancelled": _("Appointment at %(partner)s on %(when)s cancelled."),
        "care.attended": _("Attended the appointment at %(partner)s."),
        "care.no_show": _("Did not come to the appointment at %(partner)s."),
    }
