"""Password rule meeting PIPA guidance (facts.md §5): ≥10 characters of one class, or ≥8 of two."""

from __future__ import annotations

import string

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def _classes(password: str) -> int:
    groups = [
        any(c.islower() for c in password),
        any(c.isupper() for c in password),
        any(c.isdigit() for c in password),
        any(c in string.punctuation or not c.isalnum() for c in password),
    ]
    return sum(groups)


class PipaPasswordRuleValidator:
    def validate(self, password: str, user: object = None) -> None:
        classes = _classes(password)
        if len(password) >= 10 or (len(password) >= 8 and classes >= 2):
            return
        raise ValidationError(
            _("Use at least 10 characters, or at least 8 characters mixing letters, digits or symbols."),
            code="password_rule",
        )

    def get_help_text(self) -> str:
        return _("Use at least 10 characters, or at least 8 characters mixing letters, digits or symbols.")
