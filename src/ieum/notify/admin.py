"""Templates are edited in the admin (the data file seeds them); the delivery log is read-only and
shows neither the address nor the context."""

from django.contrib import admin

from ieum.core.admin import ReadOnlyAdmin as ReadOnly
from ieum.notify.models import Delivery, MessageTemplate


@admin.register(MessageTemplate)
class MessageTemplateAdmin(admin.ModelAdmin):
    list_display = ("key", "language", "kakao_template_id", "stale")
    list_filter = ("language", "stale")
    search_fields = ("key",)


@admin.register(Delivery)
class DeliveryAdmin(ReadOnly):
    list_display = ("id", "template", "channel", "language", "status", "attempts", "created_at", "sent_at")
    list_filter = ("status", "channel", "template")
    fields = (
        "template",
        "channel",
        "language",
        "status",
        "attempts",
        "error",
        "provider_message_id",
        "not_before",
    )
