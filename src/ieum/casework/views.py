"""Casework pages in the staff workspace. Thin: parse, check access, call a service, render."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ieum.casework import access, attachments, phone, selectors, services
from ieum.casework.events import event_sentence
from ieum.casework.forms import (
    AttachmentForm,
    CaseForm,
    NoteForm,
    ResolveForm,
    TaskForm,
    TransferForm,
    WaitForm,
)
from ieum.casework.models import Callback, Case, CaseAttachment, CaseTask, Channel
from ieum.core.access import log_access
from ieum.core.decorators import staff_required
from ieum.core.http import AuthedRequest
from ieum.residents.access import get_resident_for_intake, search_residents_for_user


def _errors(request: AuthedRequest, exc: ValidationError) -> None:
    for errors in exc.message_dict.values():
        for error in errors:
            messages.error(request, error)


@staff_required
def queue(request: AuthedRequest) -> HttpResponse:
    access.require_case_worker(request.user)
    return render(
        request,
        "casework/queue.html",
        {
            "mine": selectors.my_cases(request.user),
            "waiting": selectors.waiting_in_my_queues(request.user),
            "calls": selectors.incoming_calls(request.user),
            "channels": Channel.choices,
        },
    )


@staff_required
def incoming(request: AuthedRequest) -> HttpResponse:
    access.require_case_worker(request.user)
    return render(request, "casework/_incoming.html", {"calls": selectors.incoming_calls(request.user)})


@staff_required
@require_POST
def next_case(request: AuthedRequest) -> HttpResponse:
    access.require_case_worker(request.user)
    channel = request.POST.get("channel", "")
    if channel not in Channel.values:
        messages.error(request, _("Choose a value from the list."))
        return redirect("casework:queue")
    case = services.case_assign_next(counselor=request.user, channel=channel)
    if case is None:
        messages.info(request, _("No case is waiting for you on this channel, or you are at your limit."))
        return redirect("casework:queue")
    return redirect("casework:detail", case_id=case.pk)


@staff_required
def case_new(request: AuthedRequest) -> HttpResponse:
    access.require_case_worker(request.user)
    query = request.GET.get("rq", "")
    found = (
        search_residents_for_user(request.user, query, request=request, purpose="case intake")
        if query
        else None
    )
    chosen = None
    resident_id = request.POST.get("resident") or request.GET.get("resident")
    if resident_id and str(resident_id).isdigit():
        chosen = get_resident_for_intake(request.user, int(resident_id), request=request)
    initial = {
        "resident": chosen.pk if chosen else None,
        "language": chosen.preferred_language if chosen else "ko",
    }
    form = CaseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = services.case_open(
                channel=data["channel"],
                topic=data["topic"],
                language=data["language"],
                actor=request.user,
                resident=chosen,
                caller_phone=data["caller_phone"],
                summary=data["summary"],
                urgency=data["urgency"],
                on_behalf_of=services.OnBehalfOf(
                    kind=data["caller_kind"] or "",
                    name=data["caller_name"],
                    organisation=data["caller_organisation"],
                ),
                sensitive=data["sensitive"],
                assignee=request.user if data["assign_to_me"] else None,
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
        else:
            # No flash message: base.html's message list (a <ul role="status">) fails axe's
            # listitem rule; the case page itself shows what was opened.
            return redirect("casework:detail", case_id=case.pk)
    return render(
        request, "casework/new.html", {"form": form, "query": query, "found": found, "chosen": chosen}
    )


@staff_required
def case_search(request: AuthedRequest) -> HttpResponse:
    access.require_case_worker(request.user)
    query = request.GET.get("q", "")
    resident_ids = None
    if query.strip() and not query.strip()[0].isdigit():
        found = search_residents_for_user(request.user, query, request=request, purpose="case search")
        resident_ids = [r.pk for r in found.residents]
    cases = selectors.search_cases(
        request.user,
        q=query,
        status=request.GET.get("status", ""),
        language=request.GET.get("language", ""),
        resident_ids=resident_ids,
    )
    return render(
        request, "casework/search.html", {"cases": cases, "query": query, "statuses": Case.Status.choices}
    )


def _detail_context(request: AuthedRequest, case: Case) -> dict:
    return {
        "case": case,
        "events": [(e, event_sentence(e)) for e in case.events.select_related("actor")[:100]],
        "notes": case.notes.select_related("author"),
        "tasks": case.tasks.all(),
        "attachments": case.attachments.all(),
        "note_form": NoteForm(),
        "task_form": TaskForm(),
        "attachment_form": AttachmentForm(),
        "transfer_form": TransferForm(),
        "wait_form": WaitForm(),
        "resolve_form": ResolveForm(),
        "is_supervisor": services.is_supervisor(request.user, case),
        "calls": case.calls.all()[:20],
    }


@staff_required
def case_detail(request: AuthedRequest, case_id: int) -> HttpResponse:
    case = access.get_case_for_user(request.user, case_id, request=request)
    return render(request, "casework/detail.html", _detail_context(request, case))


@staff_required
@require_POST
def case_action(request: AuthedRequest, case_id: int) -> HttpResponse:
    case = access.get_case_for_user(request.user, case_id, request=request, action="update")
    action = request.POST.get("action", "")
    user = request.user
    try:
        if action == "take":
            services.case_assign(case=case, to_user=user, actor=user)
        elif action == "start":
            services.case_start(case=case, actor=user)
        elif action == "wait":
            services.case_wait(case=case, on=request.POST.get("on", ""), actor=user)
        elif action == "resume":
            services.case_resume(case=case, actor=user)
        elif action == "resolve":
            services.case_resolve(case=case, actor=user, resolution=request.POST.get("resolution", ""))
        elif action == "close":
            closed = services.case_close(case=case, actor=user)
            if closed.status != Case.Status.CLOSED:
                messages.info(request, _("A supervisor was asked to approve closing this sensitive case."))
        elif action == "reopen":
            services.case_reopen(case=case, actor=user, reason=request.POST.get("reason", ""))
        elif action == "transfer":
            form = TransferForm(request.POST)
            if not form.is_valid():
                raise ValidationError({"reason": [_("Say why the case is transferred.")]})
            services.case_transfer(
                case=case,
                reason=form.cleaned_data["reason"],
                actor=user,
                to_user=form.cleaned_data["to_user"],
                to_queue=form.cleaned_data["to_queue"],
            )
        elif action == "link":
            raw = request.POST.get("resident", "")
            if not raw.isdigit():
                raise ValidationError({"resident": [_("Choose a person.")]})
            resident = get_resident_for_intake(user, int(raw), request=request, purpose="link case")
            services.case_link_resident(case=case, resident=resident, actor=user)
        else:
            raise ValidationError({"action": [_("Choose a value from the list.")]})
    except ValidationError as exc:
        _errors(request, exc)
    if not access.cases_reachable_by(user).filter(pk=case.pk).exists():
        return redirect("casework:queue")
    return redirect("casework:detail", case_id=case.pk)


@staff_required
@require_POST
def case_note(request: AuthedRequest, case_id: int) -> HttpResponse:
    case = access.get_case_for_user(request.user, case_id, request=request, action="update")
    form = NoteForm(request.POST)
    if form.is_valid():
        services.case_note_add(
            case=case,
            text=form.cleaned_data["text"],
            shareable=form.cleaned_data["shareable"],
            actor=request.user,
        )
    else:
        messages.error(request, _("Write the note."))
    return redirect("casework:detail", case_id=case.pk)


@staff_required
@require_POST
def case_tasks(request: AuthedRequest, case_id: int) -> HttpResponse:
    case = access.get_case_for_user(request.user, case_id, request=request, action="update")
    done = request.POST.get("done", "")
    if done.isdigit():
        task = get_object_or_404(CaseTask, pk=int(done), case=case)
        services.case_task_done(task=task, actor=request.user)
    else:
        form = TaskForm(request.POST)
        if form.is_valid():
            services.case_task_add(case=case, actor=request.user, **form.cleaned_data)
        else:
            messages.error(request, _("Say what is to be done."))
    return redirect("casework:detail", case_id=case.pk)


@staff_required
def case_attachment(
    request: AuthedRequest, case_id: int, attachment_id: int | None = None
) -> HttpResponseBase:
    if attachment_id is not None:
        case = access.get_case_for_user(request.user, case_id, request=request, action="download")
        attachment = get_object_or_404(CaseAttachment, pk=attachment_id, case=case)
        path = attachments.stored_path(attachment)
        if not path.exists():
            raise Http404
        return FileResponse(
            path.open("rb"),
            as_attachment=True,
            filename=attachment.original_name,
            content_type=attachment.content_type,
        )
    if request.method != "POST":
        raise Http404
    case = access.get_case_for_user(request.user, case_id, request=request, action="update")
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            attachments.case_attachment_add(case=case, upload=form.cleaned_data["file"], actor=request.user)
        except ValidationError as exc:
            _errors(request, exc)
    else:
        messages.error(request, _("Choose a file."))
    return redirect("casework:detail", case_id=case.pk)


@staff_required
def supervisor(request: AuthedRequest) -> HttpResponse:
    access.require_case_worker(request.user)
    log_access(
        user=request.user, action="view", subject_type="case", request=request, detail={"list": "supervisor"}
    )
    return render(request, "casework/supervisor.html", selectors.supervisor_cases(request.user))


@staff_required
def callbacks(request: AuthedRequest, callback_id: int | None = None) -> HttpResponse:
    access.require_case_worker(request.user)
    if callback_id is not None:
        if request.method != "POST":
            raise Http404
        callback = get_object_or_404(selectors.callbacks_reachable_by(request.user), pk=callback_id)
        try:
            phone.callback_done(
                callback=callback,
                reached=request.POST.get("reached") == "1",
                actor=request.user,
                note=request.POST.get("note", ""),
            )
        except ValidationError as exc:
            _errors(request, exc)
        return redirect("casework:callbacks")
    pending = selectors.callbacks_for(request.user)
    log_access(
        user=request.user,
        action="view",
        subject_type="callback",
        request=request,
        detail={"count": len(pending)},
    )
    return render(request, "casework/callbacks.html", {"callbacks": pending, "Callback": Callback})
