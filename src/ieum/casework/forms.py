from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ieum.casework.models import Case, Channel, Queue, Topic
from ieum.core.models import Role, User


def language_choices() -> list[tuple[str, str]]:
    return list(settings.LANGUAGES)


class CaseForm(forms.Form):
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices, initial=Channel.WALK_IN)
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=Topic.objects.filter(active=True))
    language = forms.ChoiceField(label=_("Language"), choices=language_choices)
    urgency = forms.ChoiceField(label=_("Urgency"), choices=Case.Urgency.choices, initial="normal")
    summary = forms.CharField(label=_("What the person asks"), widget=forms.Textarea(attrs={"rows": 3}))
    caller_phone = forms.CharField(label=_("Caller's phone"), max_length=30, required=False)
    caller_kind = forms.ChoiceField(
        label=_("Who is speaking"), choices=Case.CallerKind.choices, required=False
    )
    caller_name = forms.CharField(
        label=_("Name of the person speaking for them"), max_length=200, required=False
    )
    caller_organisation = forms.CharField(label=_("Their organisation"), max_length=200, required=False)
    sensitive = forms.BooleanField(label=_("Sensitive case (closing needs a supervisor)"), required=False)
    resident = forms.IntegerField(widget=forms.HiddenInput, required=False)
    assign_to_me = forms.BooleanField(label=_("I take this case myself"), required=False, initial=True)


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}))
    shareable = forms.BooleanField(label=_("May be shared with the resident"), required=False)


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Task"), max_length=200)
    due_on = forms.DateField(
        label=_("Due on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("File"))


class TransferForm(forms.Form):
    to_user = forms.ModelChoiceField(
        label=_("To a counselor"),
        queryset=User.objects.filter(role=Role.COUNSELOR, is_active=True),
        required=False,
    )
    to_queue = forms.ModelChoiceField(
        label=_("Or to a queue"), queryset=Queue.objects.filter(active=True), required=False
    )
    reason = forms.CharField(label=_("Reason"), max_length=200)


class WaitForm(forms.Form):
    on = forms.ChoiceField(
        label=_("Waiting on"),
        choices=[c for c in Case.WaitingOn.choices if c[0]],
    )


class ResolveForm(forms.Form):
    resolution = forms.CharField(
        label=_("How it was resolved"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
