from django.utils.translation import gettext as _


def messages() -> dict[str, str]:
    return {
        "consent.given": _("Consent given (%(kind)s) %(recipient)s."),
        "consent.withdrawn": _("Consent withdrawn (%(kind)s) %(recipient)s."),
        "provision.recorded": _("Data shared with %(recipient)s under the person's consent."),
        "rights.requested": _("The person asked for %(kind)s of their data."),
        "retention.deidentified": _("The record was de-identified at the end of its retention period."),
    }
