"""E-mail through Django's e-mail backend (settings.EMAIL_BACKEND; locmem in tests)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail


def send_email(to: str, subject: str, text: str) -> None:
    send_mail(subject, text, settings.DEFAULT_FROM_EMAIL, [to], fail_silently=False)
