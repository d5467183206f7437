"""Korean classes: the resident's courses in the portal (/learning/my/) and the desk's rosters."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ieum.core.decorators import staff_required
from ieum.core.http import AuthedRequest
from ieum.learning import access, services
from ieum.learning.certificates import certificate_pdf
from ieum.learning.models import Course, Enrollment, Lesson
from ieum.portal.views import resident_required
from ieum.residents.models import Resident


@resident_required
def my_learning(request: AuthedRequest, resident: Resident) -> HttpResponse:
    enrollments = Enrollment.objects.filter(resident=resident).select_related("course")
    enrolled = {e.course_id for e in enrollments}
    others = Course.objects.filter(active=True).exclude(pk__in=enrolled)
    return render(request, "learning/my.html", {"enrollments": enrollments, "courses": others})


@resident_required
def my_course(request: AuthedRequest, resident: Resident, course_id: int) -> HttpResponseBase:
    course = get_object_or_404(Course, pk=course_id, active=True)
    enrollment = Enrollment.objects.filter(course=course, resident=resident).first()
    if request.method == "POST" and enrollment is None:
        try:
            services.enrollment_create(course=course, resident=resident, actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("learning:my-course", course_id=course.pk)
    done = set(enrollment.progress.values_list("lesson_id", flat=True)) if enrollment else set()
    return render(
        request,
        "learning/course.html",
        {"course": course, "enrollment": enrollment, "lessons": course.lessons.all(), "done": done},
    )


@require_POST
@resident_required
def my_lesson_done(request: AuthedRequest, resident: Resident, lesson_id: int) -> HttpResponseBase:
    lesson = get_object_or_404(Lesson, pk=lesson_id)
    enrollment = get_object_or_404(Enrollment, course_id=lesson.course_id, resident=resident)
    enrollment = services.lesson_complete(enrollment=enrollment, lesson=lesson, actor=request.user)
    if enrollment.completed_at:
        messages.success(request, _("You completed the course. Your certificate is ready."))
    return redirect("learning:my-course", course_id=lesson.course_id)


@resident_required
def my_certificate(request: AuthedRequest, resident: Resident, enrollment_id: int) -> HttpResponse:
    enrollment = access.get_own_enrollment(resident, enrollment_id)
    if enrollment.completed_at is None:
        return HttpResponse(_("The course is not completed yet."), status=404, content_type="text/plain")
    response = HttpResponse(certificate_pdf(enrollment), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{enrollment.certificate_no}.pdf"'
    return response


@staff_required
def desk(request: AuthedRequest) -> HttpResponse:
    access.require_desk(request.user)
    return render(request, "learning/desk.html", {"courses": Course.objects.all()})


class AttendanceForm(forms.Form):
    enrollment = forms.IntegerField(widget=forms.HiddenInput)
    on = forms.DateField(label=gettext_lazy("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    present = forms.BooleanField(label=gettext_lazy("Present"), required=False)


@staff_required
def roster(request: AuthedRequest, course_id: int) -> HttpResponseBase:
    course = access.get_roster_for_user(request.user, course_id, request=request)
    if request.method == "POST":
        form = AttendanceForm(request.POST)
        raw = request.POST.get("enrollment", "")
        enrollment = course.enrollments.filter(pk=int(raw)).first() if raw.isdigit() else None
        if form.is_valid() and enrollment is not None:
            try:
                services.attendance_record(
                    enrollment=enrollment,
                    on=form.cleaned_data["on"],
                    present=form.cleaned_data["present"],
                    actor=request.user,
                )
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            return redirect("learning:roster", course_id=course.pk)
        # Say what was wrong: the roster has one small form per person, none shown again.
        if enrollment is None:
            messages.error(request, _("This person is not enrolled in this course."))
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
    enrollments = course.enrollments.select_related("resident").order_by("resident__name")
    total = course.lessons.count()
    rows = [(e, e.progress.count(), e.attendance.filter(present=True).count()) for e in enrollments]
    return render(
        request,
        "learning/roster.html",
        {"course": course, "rows": rows, "total": total, "today": timezone.localdate()},
    )
