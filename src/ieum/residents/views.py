"""Resident pages in the staff workspace. Thin: parse, check access, call a service, render."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from ieum.core.access import log_access
from ieum.core.decorators import staff_required
from ieum.core.http import AuthedRequest
from ieum.core.sensitivity import FieldClass, classes_for
from ieum.residents import access, documents, selectors, services
from ieum.residents.duplicates import residents_merge
from ieum.residents.forms import DocumentForm, MergeForm, ResidentForm, RevealForm
from ieum.residents.models import Document, DuplicateFlag
from ieum.residents.timeline import render_event


@staff_required
@vary_on_headers("HX-Request")  # the same URL answers with a page or, for htmx, a fragment
def resident_search(request: AuthedRequest) -> HttpResponse:
    query = request.GET.get("q", "")
    result = access.search_residents_for_user(request.user, query, request=request)
    template = "residents/_results.html" if request.headers.get("HX-Request") else "residents/search.html"
    return render(request, template, {"query": query, "result": result})


@staff_required
def resident_detail(request: AuthedRequest, resident_id: int) -> HttpResponse:
    resident = access.get_resident_for_user(
        request.user, resident_id, request=request, purpose=request.GET.get("purpose", "")
    )
    events = [
        (e, render_event(e.kind, e.params))
        for e in selectors.resident_timeline(resident, classes=classes_for(request.user))
    ]
    return render(
        request,
        "residents/detail.html",
        {
            "resident": resident,
            "events": events,
            "visa": selectors.current_visa(resident),
            "profile": selectors.resident_profile(resident),
            "sees_immigration": FieldClass.IMMIGRATION in classes_for(request.user),
            "reveal_form": RevealForm(),
            "document_form": DocumentForm(),
            "documents": resident.documents.all(),
            "can_reveal": access.can_reveal_identifiers(request.user),
        },
    )


@staff_required
def resident_create(request: AuthedRequest) -> HttpResponse:
    access.require_resident_search(request.user)
    form = ResidentForm(request.POST or None, initial={"preferred_language": "ko"})
    if request.method == "POST" and form.is_valid():
        data = services.ResidentData(**form.cleaned_data)
        try:
            resident = services.resident_create(data=data, actor=request.user)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
        else:
            for warning in data.warnings:
                messages.warning(request, warning)
            messages.success(request, _("The record was created."))
            return redirect("resident-detail", resident_id=resident.pk)
    return render(request, "residents/form.html", {"form": form})


@staff_required
@require_POST
def resident_reveal(request: AuthedRequest, resident_id: int) -> HttpResponse:
    resident = access.get_resident_for_user(request.user, resident_id, request=request)
    form = RevealForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("State why you need to see the number."))
        return redirect("resident-detail", resident_id=resident.pk)
    value = access.reveal_identifier(
        request.user,
        resident,
        kind=form.cleaned_data["kind"],
        purpose=form.cleaned_data["purpose"],
        request=request,
    )
    response = render(
        request,
        "residents/revealed.html",
        {"resident": resident, "value": value, "kind": form.cleaned_data["kind"]},
    )
    response["Cache-Control"] = "no-store"
    return response


@staff_required
@require_POST
def document_upload(request: AuthedRequest, resident_id: int) -> HttpResponse:
    resident = access.get_resident_for_user(request.user, resident_id, request=request, action="update")
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            documents.document_upload(
                resident=resident,
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
                actor=request.user,
            )
        except ValidationError as exc:
            for error in exc.messages:
                messages.error(request, error)
        else:
            messages.success(request, _("The document was uploaded."))
    else:
        messages.error(request, _("Choose a file and its kind."))
    return redirect("resident-detail", resident_id=resident.pk)


@staff_required
def document_download(request: AuthedRequest, resident_id: int, document_id: int) -> FileResponse:
    resident = access.get_resident_for_user(request.user, resident_id, request=request, action="download")
    try:
        document = resident.documents.get(pk=document_id)
    except Document.DoesNotExist:
        raise Http404 from None
    log_access(
        user=request.user,
        action="download",
        subject_type="document",
        subject_id=document.pk,
        request=request,
        detail={"resident": resident.pk},
    )
    response = FileResponse(
        documents.stored_path(document).open("rb"),
        content_type=document.content_type,
        as_attachment=True,
        filename=document.original_name,
    )
    response["Cache-Control"] = "no-store"
    return response


@staff_required
def duplicate_list(request: AuthedRequest) -> HttpResponse:
    access.require_resident_search(request.user)
    # Only pairs where the user may reach both people (a county officer: both in the county).
    reachable = access.residents_reachable_by(request.user)
    flags = list(
        DuplicateFlag.objects.filter(
            status=DuplicateFlag.Status.OPEN, resident__in=reachable, other__in=reachable
        )
        .select_related("resident", "other")
        .order_by("-created_at")[:200]
    )
    shown = sorted({f.resident_id for f in flags} | {f.other_id for f in flags})
    log_access(
        user=request.user,
        action="view",
        subject_type="resident",
        request=request,
        purpose="duplicate check",
        detail={"list": "duplicates", "ids": shown},
    )
    return render(request, "residents/duplicates.html", {"flags": flags})


@staff_required
@require_POST
def resident_merge(request: AuthedRequest) -> HttpResponse:
    form = MergeForm(request.POST)
    if not form.is_valid():
        raise PermissionDenied
    survivor = access.get_resident_for_user(
        request.user, form.cleaned_data["survivor"], request=request, action="update", purpose="merge"
    )
    merged = access.get_resident_for_user(
        request.user, form.cleaned_data["merged"], request=request, action="update", purpose="merge"
    )
    try:
        residents_merge(survivor=survivor, merged=merged, actor=request.user)
    except ValidationError as exc:
        for error in exc.messages:
            messages.error(request, error)
        return redirect("resident-duplicates")
    messages.success(request, _("The two records were merged."))
    return redirect("resident-detail", resident_id=survivor.pk)
