"""Timeline sentences of the visa programs (rendered in the reader's language)."""

from __future__ import annotations

from django.utils.translation import gettext as _


def visa_messages() -> dict[str, str]:
    return {
        "visa.applied": _("Applied for a recommendation for %(program)s."),
        "visa.county_recommended": _("The city or county recommended the %(program)s application."),
        "visa.refused": _("The %(program)s application was not recommended."),
        "visa.letter_issued": _("Recommendation letter %(number)s issued for %(program)s."),
        "visa.filed": _("The %(program)s application was filed with %(office)s."),
        "visa.granted": _("The immigration office granted %(program)s."),
        "visa.denied": _("The immigration office did not grant %(program)s."),
        "visa.obligation_moved": _("The new address may break the %(program)s residence condition."),
        "visa.obligation_employer": _("The employer change may break the %(program)s employer condition."),
        "visa.obligation_income": _("The yearly income check of %(program)s is due."),
    }
