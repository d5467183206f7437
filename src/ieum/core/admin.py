"""Administrators manage accounts and roles here; every role change is recorded with who made it
(ieum.core.signals). The access log and role history are read-only."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from ieum.core.models import AccessLog, RoleGrantLog, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "display_name", "role", "municipality", "is_active", "last_login")
    list_filter = ("role", "is_active", "municipality")
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        (
            "Ieum",
            {"fields": ("role", "display_name", "preferred_language", "work_languages", "municipality")},
        ),
    )

    def save_model(self, request, obj, form, change):
        obj._role_changed_by = request.user
        super().save_model(request, obj, form, change)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AccessLog)
class AccessLogAdmin(ReadOnlyAdmin):
    list_display = ("at", "username", "ip", "action", "subject_type", "subject_id", "purpose", "channel")
    list_filter = ("action", "channel", "subject_type")
    search_fields = ("username", "subject_id")


@admin.register(RoleGrantLog)
class RoleGrantLogAdmin(ReadOnlyAdmin):
    list_display = ("at", "user", "change", "old_role", "new_role", "old_scope", "new_scope", "changed_by")
    list_filter = ("change",)
