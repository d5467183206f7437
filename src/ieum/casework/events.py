"""The case's history and the resident's timeline: each workflow step is written to both
(issue 5 item 2). Sentences are registered in CaseworkConfig.ready()."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from ieum.casework.models import Case, CaseEvent
from ieum.core.sensitivity import FieldClass

# What a case on this topic reveals about the person (ieum.core.sensitivity): readers of the
# resident's timeline see the step only if their role may see that class.
TOPIC_CLASSES = {
    "visa": FieldClass.IMMIGRATION,
    "seasonal_work": FieldClass.IMMIGRATION,
    "workplace_change": FieldClass.LABOR,
    "wages": FieldClass.LABOR,
    "industrial_accident": FieldClass.HEALTH,
    "health": FieldClass.HEALTH,
}


def case_messages() -> dict[str, str]:
    return {
        "case.opened": _("Case %(number)s opened (%(channel)s)."),
        "case.assigned": _("Case %(number)s assigned to a counselor."),
        "case.started": _("Work on case %(number)s started."),
        "case.transferred": _("Case %(number)s transferred: %(reason)s."),
        "case.waiting": _("Case %(number)s is waiting on %(on)s."),
        "case.resumed": _("Case %(number)s resumed."),
        "case.resolved": _("Case %(number)s resolved."),
        "case.close_requested": _("Closing case %(number)s awaits a supervisor's approval."),
        "case.closed": _("Case %(number)s closed."),
        "case.reopened": _("Case %(number)s reopened."),
        "case.note_added": _("A note was added to case %(number)s."),
        "case.task_added": _("A task was added to case %(number)s's plan."),
        "case.task_done": _("A task of case %(number)s's plan was done."),
        "case.attachment_added": _("A file was attached to case %(number)s."),
        "case.resident_linked": _("Case %(number)s was linked to this record."),
        "case.interpreter_requested": _("An interpreter was requested for case %(number)s."),
        "case.call": _("Call on case %(number)s: %(outcome)s."),
        "case.sla_warning": _("Case %(number)s is close to its service target."),
        "case.sla_escalated": _("Case %(number)s passed its service target and went to a supervisor."),
    }


def register_labels() -> None:
    from ieum.casework.models import CallLog, Channel
    from ieum.residents.timeline import choices_of, register_param_labels

    register_param_labels("case.opened", "channel", choices_of(Channel.choices))
    register_param_labels("case.waiting", "on", choices_of(Case.WaitingOn.choices))
    register_param_labels("case.call", "outcome", choices_of(CallLog.Outcome.choices))


def record(
    case: Case, kind: str, actor: Any = None, params: dict | None = None, *, timeline: bool = True
) -> None:
    """One step: a CaseEvent, and the same step on the resident's timeline when the case has one."""
    from ieum.residents.services import timeline_add

    now = timezone.now()
    values = {"number": case.number or "", **(params or {})}
    who = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    CaseEvent.objects.create(case=case, at=now, kind=kind, actor=who, params=values)
    if timeline and case.resident is not None:
        timeline_add(
            resident=case.resident,
            service="casework",
            kind=kind,
            params=values,
            actor=who,
            at=now,
            field_class=TOPIC_CLASSES.get(case.topic.code, ""),
        )


def event_sentence(event: CaseEvent) -> str:
    from ieum.residents.timeline import render_event

    return render_event(event.kind, event.params)
