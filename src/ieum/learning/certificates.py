"""Completion certificate: the name in Hangul and in the person's own script (issue 10 §3)."""

from __future__ import annotations

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ieum.learning.models import Enrollment
from ieum.lib.pdf import PdfDocument


def certificate_pdf(enrollment: Enrollment) -> bytes:
    resident = enrollment.resident
    course = enrollment.course
    with translation.override("ko"):
        doc = PdfDocument(title=_("Certificate of completion"))
        doc.heading(_("Certificate of completion"))
        doc.paragraph(resident.name_hangul or resident.name, size=18, bold=True)
        for name in dict.fromkeys(n for n in (resident.name_native, resident.name) if n):
            doc.paragraph(name, size=14)
        doc.spacer(6)
        doc.paragraph(
            _("completed the Korean course %(course)s (%(track)s %(level)s).")
            % {"course": course.title, "track": course.get_track_display(), "level": course.level}
        )
        doc.spacer(4)
        doc.table(
            [
                [_("Certificate number"), enrollment.certificate_no],
                [_("Date of completion"), timezone.localdate(enrollment.completed_at).isoformat()],
            ],
            header=False,
        )
        return doc.output()
