"""Care pages: the staff desk (counselors book from a case or referral), the resident's own
bookings in the portal (/care/my/), and the partner's slots and bookings (/care/partner/)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ieum.care import access, selectors, services
from ieum.care.forms import OutcomeForm, ResidentBookingForm, SlotForm, StaffBookingForm, SupportForm
from ieum.care.models import Booking, Slot
from ieum.care.support import cover_sheet_pdf, document_labels
from ieum.care.uninsured import estimate
from ieum.core.decorators import staff_required
from ieum.core.http import AuthedRequest
from ieum.portal.views import resident_required
from ieum.referrals.access import partners_of
from ieum.residents.access import get_resident_for_user
from ieum.residents.models import Resident


def _errors(form: Any, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


# --- staff ---------------------------------------------------------------------------------------


@staff_required
def home(request: AuthedRequest) -> HttpResponse:
    access.require_booker(request.user)
    upcoming = (
        Booking.objects.filter(status=Booking.Status.BOOKED, slot__starts_at__gte=timezone.now())
        .select_related("slot__partner")
        .order_by("slot__starts_at")[:50]
    )
    return render(request, "care/home.html", {"slots": selectors.open_slots()[:50], "upcoming": upcoming})


@staff_required
def book(request: AuthedRequest, slot_id: int) -> HttpResponseBase:
    access.require_booker(request.user)
    slot = get_object_or_404(Slot.objects.select_related("partner"), pk=slot_id)
    form = StaffBookingForm(request.POST or None, initial=request.GET or None)
    if request.method == "POST" and form.is_valid():
        try:
            resident = get_resident_for_user(
                request.user,
                form.cleaned_data["resident_id"],
                request=request,
                purpose="care booking",
                action="book",
            )
            others = [
                get_resident_for_user(
                    request.user, pk, request=request, purpose="care booking", action="book"
                )
                for pk in form.cleaned_data["participant_ids"]
            ]
            case = None
            if form.cleaned_data.get("case_id"):
                from ieum.casework.access import get_case_for_user

                case = get_case_for_user(request.user, form.cleaned_data["case_id"], request=request)
            referral = None
            if form.cleaned_data.get("referral_id"):
                from ieum.referrals.access import get_referral_for_staff

                referral = get_referral_for_staff(
                    request.user, form.cleaned_data["referral_id"], request=request
                )
            booking = services.booking_create(
                slot=slot,
                resident=resident,
                actor=request.user,
                case=case,
                referral=referral,
                participants=others,
            )
        except Http404:
            form.add_error(None, _("No such record within your reach."))
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, _("The appointment is booked."))
            return redirect("care:booking", booking_id=booking.pk)
    return render(request, "care/book.html", {"slot": slot, "form": form})


@staff_required
def booking_detail(request: AuthedRequest, booking_id: int) -> HttpResponseBase:
    booking = access.get_booking_for_staff(request.user, booking_id, request=request)
    form = OutcomeForm(request.POST or None)
    if request.method == "POST":
        if request.POST.get("action") == "cancel":
            try:
                services.booking_cancel(booking=booking, actor=request.user)
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            return redirect("care:booking", booking_id=booking.pk)
        if form.is_valid():
            try:
                services.booking_outcome(
                    booking=booking,
                    status=form.cleaned_data["status"],
                    note=form.cleaned_data["note"],
                    follow_up_on=form.cleaned_data["follow_up_on"],
                    actor=request.user,
                )
            except ValidationError as exc:
                _errors(form, exc)
            else:
                return redirect("care:booking", booking_id=booking.pk)
    support = SupportForm(request.GET if "cost_krw" in request.GET else None)
    result = None
    if support.is_bound and support.is_valid():
        result = estimate(
            cost_krw=support.cleaned_data["cost_krw"],
            care_type=support.cleaned_data["care_type"],
            insured=support.cleaned_data["insured"],
            day=timezone.localdate(booking.slot.starts_at),
        )
    return render(
        request,
        "care/booking.html",
        {
            "booking": booking,
            "form": form,
            "support": support,
            "result": result,
            "labels": document_labels(),
            "no_shows": selectors.no_show_count(booking.resident),
            "participants": [p.resident for p in booking.participants.select_related("resident")],
        },
    )


@staff_required
def support_pdf(request: AuthedRequest, booking_id: int) -> HttpResponse:
    booking = access.get_booking_for_staff(request.user, booking_id, request=request)
    form = SupportForm(request.GET)
    if not form.is_valid():
        return HttpResponse(_("Please correct the errors below."), status=400, content_type="text/plain")
    cost = form.cleaned_data["cost_krw"]
    result = estimate(
        cost_krw=cost,
        care_type=form.cleaned_data["care_type"],
        insured=form.cleaned_data["insured"],
        day=timezone.localdate(booking.slot.starts_at),
    )
    response = HttpResponse(cover_sheet_pdf(booking, result, cost), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="support-{booking.pk}.pdf"'
    return response


# --- resident (portal) ---------------------------------------------------------------------------


@resident_required
def my_care(request: AuthedRequest, resident: Resident) -> HttpResponse:
    return render(
        request,
        "care/my.html",
        {"bookings": selectors.bookings_of_resident(resident), "slots": selectors.open_slots()[:40]},
    )


@resident_required
def my_book(request: AuthedRequest, resident: Resident, slot_id: int) -> HttpResponseBase:
    slot = get_object_or_404(Slot.objects.select_related("partner"), pk=slot_id, cancelled=False)
    form = ResidentBookingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.booking_create(
                slot=slot, resident=resident, actor=request.user, consent_given=form.cleaned_data["consent"]
            )
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, _("The appointment is booked. We will send you a reminder."))
            return redirect("care:my")
    return render(request, "care/my_book.html", {"slot": slot, "form": form})


@require_POST
@resident_required
def my_cancel(request: AuthedRequest, resident: Resident, booking_id: int) -> HttpResponseBase:
    booking = access.get_booking_for_resident(resident, booking_id)
    try:
        services.booking_cancel(booking=booking, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The appointment is cancelled."))
    return redirect("care:my")


# --- partner -------------------------------------------------------------------------------------


def _partner_user(request: AuthedRequest) -> None:
    if not partners_of(request.user).exists():
        raise PermissionDenied


@login_required
def partner_home(request: AuthedRequest) -> HttpResponseBase:
    _partner_user(request)
    partners = partners_of(request.user)
    form = SlotForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        chosen = request.POST.get("partner", "")
        partner = (partners.filter(pk=int(chosen)).first() if chosen.isdigit() else None) or partners.first()
        if partner is None:
            raise PermissionDenied
        try:
            services.slot_create(partner=partner, **form.cleaned_data)
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, _("The slot is added."))
            return redirect("care:partner")
    bookings = selectors.bookings_of_partners(partners).order_by("-slot__starts_at")[:100]
    slots = Slot.objects.filter(partner__in=partners, starts_at__gte=timezone.now()).order_by("starts_at")[
        :100
    ]
    rows = [(b, access.shared_items(b)) for b in bookings]
    return render(request, "care/partner.html", {"rows": rows, "slots": slots, "form": form})


@login_required
def partner_booking(request: AuthedRequest, booking_id: int) -> HttpResponseBase:
    _partner_user(request)
    booking = access.get_booking_for_partner(request.user, booking_id, request=request)
    form = OutcomeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.booking_outcome(
                booking=booking,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
                follow_up_on=form.cleaned_data["follow_up_on"],
                actor=request.user,
            )
        except ValidationError as exc:
            _errors(form, exc)
        else:
            return redirect("care:partner")
    return render(
        request,
        "care/partner_booking.html",
        {"booking": booking, "shared": access.shared_items(booking), "form": form},
    )
