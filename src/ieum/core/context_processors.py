from django.conf import settings
from django.http import HttpRequest


def center(request: HttpRequest) -> dict:
    return {
        "center_name": settings.IEUM_CENTER_NAME,
        "center_phone": settings.IEUM_CENTER_PHONE,
    }
