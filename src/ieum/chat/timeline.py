from __future__ import annotations

from django.utils.translation import gettext as _


def chat_messages() -> dict[str, str]:
    return {"chat.started": _("Web chat started.")}
