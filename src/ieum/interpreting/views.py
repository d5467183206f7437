"""Interpreting pages: thin — parse, ask access.py, call a service, render."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ieum.chat.access import dispatched_conversations
from ieum.core.access import log_access
from ieum.core.decorators import staff_required
from ieum.core.http import AuthedRequest
from ieum.interpreting import access, selectors, services
from ieum.interpreting.forms import InterpreterForm, OfferToForm, RequestForm, SessionForm
from ieum.interpreting.models import Interpreter
from ieum.interpreting.registry import InterpreterData, interpreter_save
from ieum.interpreting.statements import statement_pdf, statement_xlsx


def _form_errors(form, error: ValidationError) -> None:
    for field, problems in error.message_dict.items():
        form.add_error(field if field in form.fields else None, problems)


@staff_required
def mine(request: AuthedRequest) -> HttpResponse:
    """The interpreter's own workspace: offers to answer, requests dispatched to them."""
    interpreter = access.get_own_interpreter(request.user)
    services.offers_expire()
    offers = [(o, selectors.brief(o.request)) for o in selectors.pending_offers_for(interpreter)]
    # The web chat of a session's case, while the interpreter may open it (ieum.chat.access).
    chats = dispatched_conversations(request.user)
    assignments = [(selectors.brief(r), chats.get(r.pk)) for r in selectors.assignments_for(interpreter)[:50]]
    today = timezone.localdate()
    return render(
        request,
        "interpreting/mine.html",
        {"interpreter": interpreter, "offers": offers, "assignments": assignments, "today": today},
    )


@staff_required
@require_POST
def offer_accept(request: AuthedRequest, offer_id: int) -> HttpResponse:
    offer = access.get_offer_for_user(request.user, offer_id)
    try:
        services.interpreter_offer_accept(offer=offer, actor=request.user)
        messages.success(request, _("You accepted the request."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("interpreting:mine")


@staff_required
@require_POST
def offer_decline(request: AuthedRequest, offer_id: int) -> HttpResponse:
    offer = access.get_offer_for_user(request.user, offer_id)
    try:
        services.interpreter_offer_decline(offer=offer, actor=request.user)
        messages.success(request, _("You declined the request."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("interpreting:mine")


@staff_required
def session_log(request: AuthedRequest, request_id: int) -> HttpResponse:
    item, interpreter = access.get_dispatched_request_for_user(request.user, request_id)
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.interpreter_session_log(
                request=item,
                interpreter=interpreter,
                actor=request.user,
                **form.cleaned_data,
            )
            messages.success(request, _("The session was logged."))
            return redirect("interpreting:mine")
        except ValidationError as error:
            _form_errors(form, error)
    return render(request, "interpreting/session_form.html", {"brief": selectors.brief(item), "form": form})


@staff_required
def request_list(request: AuthedRequest) -> HttpResponse:
    if access.is_coordinator(request.user):
        services.offers_expire()
        items = selectors.recent_requests()
    elif access.may_request(request.user):
        items = selectors.requests_raised_by(request.user)
    else:
        raise PermissionDenied
    return render(request, "interpreting/request_list.html", {"items": items[:200]})


@staff_required
def request_create(request: AuthedRequest) -> HttpResponse:
    access.require_requester(request.user)
    form = RequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.interpreter_request_create(requested_by=request.user, **form.cleaned_data)
            messages.success(request, _("The interpreter request was sent."))
            return redirect("interpreting:request-detail", request_id=item.pk)
        except ValidationError as error:
            _form_errors(form, error)
    return render(request, "interpreting/request_form.html", {"form": form})


@staff_required
def request_detail(request: AuthedRequest, request_id: int) -> HttpResponse:
    item = access.get_request_for_user(request.user, request_id, http_request=request)
    if access.own_interpreter(request.user) is not None:
        # An interpreter sees the brief only, never who asked or the other offers.
        chat = dispatched_conversations(request.user).get(item.pk)
        return render(request, "interpreting/brief.html", {"brief": selectors.brief(item), "chat": chat})
    coordinator = access.is_coordinator(request.user)
    return render(
        request,
        "interpreting/request_detail.html",
        {
            "item": item,
            "offers": item.offers.select_related("interpreter"),
            "sessions": item.sessions.select_related("interpreter"),
            "coordinator": coordinator,
            "offer_form": OfferToForm() if coordinator else None,
        },
    )


@staff_required
@require_POST
def request_offer(request: AuthedRequest, request_id: int) -> HttpResponse:
    access.require_coordinator(request.user)
    item = access.get_request_for_user(request.user, request_id, http_request=request)
    form = OfferToForm(request.POST)
    if form.is_valid():
        try:
            services.interpreter_offer_make(
                request=item, interpreter=form.cleaned_data["interpreter"], actor=request.user
            )
            messages.success(request, _("The request was offered."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("Choose an interpreter."))
    return redirect("interpreting:request-detail", request_id=item.pk)


@staff_required
@require_POST
def request_cancel(request: AuthedRequest, request_id: int) -> HttpResponse:
    item = access.get_request_for_user(request.user, request_id, http_request=request)
    if not (access.is_coordinator(request.user) or item.requested_by_id == request.user.pk):
        raise Http404
    services.interpreter_request_cancel(request=item, actor=request.user)
    messages.success(request, _("The interpreter request was cancelled."))
    return redirect("interpreting:request-detail", request_id=item.pk)


@staff_required
def registry(request: AuthedRequest) -> HttpResponse:
    access.require_coordinator(request.user)
    people = Interpreter.objects.prefetch_related("languages", "availability")
    return render(request, "interpreting/registry.html", {"people": people, "today": timezone.localdate()})


def _interpreter_data(form: InterpreterForm) -> InterpreterData:
    data = dict(form.cleaned_data)
    data["user"] = data.pop("account")
    return InterpreterData(**data)


@staff_required
def interpreter_edit(request: AuthedRequest, interpreter_id: int | None = None) -> HttpResponse:
    access.require_coordinator(request.user)
    interpreter = access.get_interpreter_for_user(request.user, interpreter_id) if interpreter_id else None
    initial = InterpreterForm.initial_for(interpreter) if interpreter else None
    form = InterpreterForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = interpreter_save(
                data=_interpreter_data(form), actor=request.user, interpreter=interpreter
            )
            messages.success(request, _("The interpreter was saved."))
            return redirect("interpreting:interpreter-edit", interpreter_id=saved.pk)
        except ValidationError as error:
            _form_errors(form, error)
    return render(request, "interpreting/interpreter_form.html", {"form": form, "interpreter": interpreter})


def _statement(request: AuthedRequest, interpreter_id: int, year: int, month: int):
    interpreter = access.get_interpreter_for_user(request.user, interpreter_id)
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        raise Http404
    return selectors.monthly_statement(interpreter, year=year, month=month)


@staff_required
def statement(request: AuthedRequest, interpreter_id: int, year: int, month: int) -> HttpResponse:
    result = _statement(request, interpreter_id, year, month)
    return render(request, "interpreting/statement.html", {"statement": result})


@staff_required
def statement_download(
    request: AuthedRequest, interpreter_id: int, year: int, month: int, fmt: str
) -> HttpResponse:
    if fmt not in ("xlsx", "pdf"):
        raise Http404
    result = _statement(request, interpreter_id, year, month)
    log_access(
        user=request.user,
        action="export",
        subject_type="interpreter",
        subject_id=interpreter_id,
        purpose="monthly statement",
        request=request,
    )
    name = f"interpreter-{interpreter_id}-{year}-{month:02d}"
    if fmt == "xlsx":
        response = HttpResponse(
            statement_xlsx(result),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = HttpResponse(statement_pdf(result), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
