"""The privacy officer handles rights requests and legal holds in the admin; consents and the
provision ledger are shown read-only (they are records of what happened)."""

from django.contrib import admin

from ieum.core.admin import ReadOnlyAdmin as ReadOnly
from ieum.privacy.models import Consent, LegalHold, Provision, RightsRequest


@admin.register(Consent)
class ConsentAdmin(ReadOnly):
    list_display = ("resident_id", "kind", "recipient_name", "purpose", "channel", "given_at", "withdrawn_at")
    list_filter = ("kind", "channel")


@admin.register(Provision)
class ProvisionAdmin(ReadOnly):
    list_display = ("resident_id", "recipient_name", "purpose", "at", "by")


@admin.register(RightsRequest)
class RightsRequestAdmin(admin.ModelAdmin):
    list_display = ("resident_id", "kind", "status", "created_at", "closed_at")
    list_filter = ("status", "kind")
    readonly_fields = ("resident", "kind", "detail", "created_at")
    fields = ("resident", "kind", "detail", "created_at", "status", "answer", "closed_at")


@admin.register(LegalHold)
class LegalHoldAdmin(admin.ModelAdmin):
    list_display = ("resident_id", "reason", "placed_by", "placed_at", "released_at")
    raw_id_fields = ("resident",)
    readonly_fields = ("placed_by", "placed_at")

    def save_model(self, request, obj, form, change):
        if not change:
            obj.placed_by = request.user
        super().save_model(request, obj, form, change)
