from __future__ import annotations

from django.utils.translation import gettext as _


def learning_messages() -> dict[str, str]:
    return {
        "learning.enrolled": _("Enrolled in the Korean course %(course)s."),
        "learning.completed": _("Completed the Korean course %(course)s."),
    }
