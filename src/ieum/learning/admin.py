from django.contrib import admin

from ieum.learning.models import Course, Lesson


class LessonInline(admin.TabularInline):
    model = Lesson
    extra = 1


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ("code", "title", "track", "level", "active")
    list_filter = ("track", "active")
    inlines = [LessonInline]
