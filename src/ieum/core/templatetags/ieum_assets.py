"""`{% vendor_static "htmx/htmx.min.js" as url %}`: the URL of a built front-end asset, or "".

The KRDS theme, fonts and htmx are copied into static/vendor/ by `make assets` (npm); a checkout
without Node must still serve working pages, so base.html includes each file only when it exists.
"""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.templatetags.static import static

register = template.Library()


def _url(path: str) -> str:
    name = f"vendor/{path}"
    if not (finders.find(name) or staticfiles_storage.exists(name)):
        return ""
    try:
        return static(name)
    except ValueError:  # manifest storage: built after the last collectstatic
        return ""


_cached_url = lru_cache(maxsize=32)(_url)


@register.simple_tag
def vendor_static(path: str) -> str:
    # Looked up on every request while developing (assets may be built while the server runs).
    return _url(path) if settings.DEBUG else _cached_url(path)
