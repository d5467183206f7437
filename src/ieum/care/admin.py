from django.contrib import admin

from ieum.care.models import CareProfile, Slot


@admin.register(CareProfile)
class CareProfileAdmin(admin.ModelAdmin):
    list_display = ("partner", "kind", "discount_percent", "uninsured_support", "slot_minutes")


@admin.register(Slot)
class SlotAdmin(admin.ModelAdmin):
    list_display = ("partner", "kind", "starts_at", "group", "cancelled")
    list_filter = ("kind", "group", "cancelled")
