"""The MOHW uninsured-support document package: the checklist and a PDF cover sheet."""

from __future__ import annotations

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ieum.care.models import Booking
from ieum.care.uninsured import Estimate
from ieum.lib.pdf import PdfDocument


def document_labels() -> dict[str, str]:
    return {
        "consent_form": _("Consent form for the medical support"),
        "employment_confirmation": _("Confirmation of employment"),
        "diagnosis": _("Medical certificate of diagnosis"),
        "admission_certificate": _("Certificate of admission"),
        "receipts": _("Receipts of the costs"),
    }


def cover_sheet_pdf(booking: Booking, estimate: Estimate, cost_krw: int) -> bytes:
    """In Korean: the hospital and the program read it."""
    resident = booking.resident
    with translation.override("ko"):
        doc = PdfDocument(title=_("Medical support for the uninsured: documents"))
        doc.heading(_("Medical support for the uninsured: documents"))
        names = " / ".join(n for n in (resident.name_hangul, resident.name, resident.name_native) if n)
        doc.table(
            [
                [_("Name"), names],
                [_("Hospital"), booking.slot.partner.name_ko],
                [_("Appointment"), timezone.localtime(booking.slot.starts_at).strftime("%Y-%m-%d %H:%M")],
                [_("Expected cost (KRW)"), f"{cost_krw:,}"],
                [_("Expected support (KRW)"), f"{estimate.support_krw:,}"],
            ],
            header=False,
        )
        if estimate.needs_review:
            doc.paragraph(_("The support above the limit per episode needs the program's review."))
        doc.heading(_("Documents to bring"), level=2)
        labels = document_labels()
        for code in estimate.documents:
            doc.paragraph(f"[  ] {labels.get(code, code)}")
        return doc.output()
