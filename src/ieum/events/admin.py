from django.contrib import admin

from ieum.events.models import Event, EventText


class EventTextInline(admin.StackedInline):
    model = EventText
    extra = 1


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("slug", "kind", "starts_at", "capacity", "published")
    list_filter = ("kind", "published")
    inlines = [EventTextInline]
