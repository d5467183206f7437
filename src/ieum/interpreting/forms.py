"""Forms of the interpreting pages. They parse; the services decide."""

from __future__ import annotations

import datetime as dt
import re

from django import forms
from django.utils.translation import gettext_lazy as _

from ieum.core.models import Role, User
from ieum.interpreting.models import Interpreter, InterpreterRequest, InterpreterSession, Modality
from ieum.lib.names import clean_name as tidy_name

LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(-[a-z0-9]{1,8})?")


class InterpreterForm(forms.Form):
    name = forms.CharField(label=_("name"), max_length=200)
    phone = forms.CharField(label=_("phone"), max_length=20, required=False)
    kind = forms.ChoiceField(label=_("kind"), choices=Interpreter.Kind.choices)
    account = forms.ModelChoiceField(
        label=_("account"), queryset=User.objects.filter(role=Role.INTERPRETER), required=False
    )
    languages = forms.CharField(
        label=_("languages"),
        help_text=_(
            "Language code and level from 1 (basic) to 4 (certified), separated by commas, e.g. vi:3, km:2."
        ),
    )
    modalities = forms.MultipleChoiceField(
        label=_("modalities"), choices=Modality.choices, widget=forms.CheckboxSelectMultiple
    )
    windows = forms.CharField(
        label=_("weekly availability"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "One window per line: weekday from 1 (Monday) to 7 (Sunday), start and end, e.g. 1 09:00-18:00."
        ),
    )
    on_call = forms.BooleanField(label=_("on call"), required=False)
    confidentiality_signed_on = forms.DateField(
        label=_("confidentiality agreement signed on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    # Upper bounds keep the rates inside their column (a larger one failed in the database).
    rate_per_hour = forms.IntegerField(
        label=_("rate per hour (KRW)"), min_value=0, max_value=10_000_000, initial=0
    )
    rate_per_call = forms.IntegerField(
        label=_("rate per call (KRW)"), min_value=0, max_value=10_000_000, initial=0
    )
    active = forms.BooleanField(label=_("active"), required=False, initial=True)

    def clean_name(self) -> str:
        # As for residents: direction marks and zero-width characters would flip the text shown
        # after the name (U+202E) and break search; the letters of every script stay.
        return tidy_name(self.cleaned_data["name"])

    def clean_languages(self) -> list[tuple[str, int]]:
        out = []
        for part in self.cleaned_data["languages"].split(","):
            if not part.strip():
                continue
            code, _sep, level = part.strip().partition(":")
            code = code.strip().lower()
            # A language code fits its column (12 characters); a longer word failed in the database.
            # The level's range is the service's to judge, with the rest of the entry.
            if not LANGUAGE_CODE.fullmatch(code) or not (level.strip() or "2").isdigit():
                raise forms.ValidationError(
                    _("Give each language as a code and a level from 1 to 4, e.g. vi:3.")
                )
            out.append((code, int(level or 2)))
        return out

    def clean_windows(self) -> list[tuple[int, dt.time, dt.time]]:
        out = []
        for line in self.cleaned_data["windows"].splitlines():
            if not line.strip():
                continue
            try:
                day, span = line.split(None, 1)
                start, end = (dt.time.fromisoformat(t.strip()) for t in span.split("-"))
                out.append((int(day) - 1, start, end))
            except ValueError:
                raise forms.ValidationError(
                    _("Each window needs a weekday and a start before its end.")
                ) from None
        return out

    @classmethod
    def initial_for(cls, interpreter: Interpreter) -> dict:
        return {
            "name": interpreter.name,
            "phone": interpreter.phone,
            "kind": interpreter.kind,
            "account": interpreter.user_id,
            "languages": ", ".join(f"{pl.language}:{pl.level}" for pl in interpreter.languages.all()),
            "modalities": interpreter.modalities,
            "windows": "\n".join(
                f"{a.weekday + 1} {a.start:%H:%M}-{a.end:%H:%M}" for a in interpreter.availability.all()
            ),
            "on_call": interpreter.on_call,
            "confidentiality_signed_on": interpreter.confidentiality_signed_on,
            "rate_per_hour": interpreter.rate_per_hour,
            "rate_per_call": interpreter.rate_per_call,
            "active": interpreter.active,
        }


class RequestForm(forms.Form):
    language = forms.CharField(label=_("language"), max_length=12)
    modality = forms.ChoiceField(label=_("modality"), choices=Modality.choices)
    mode = forms.ChoiceField(label=_("mode"), choices=InterpreterRequest.Mode.choices)
    scheduled_for = forms.DateTimeField(
        label=_("scheduled for"), required=False, widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    expected_minutes = forms.IntegerField(label=_("expected minutes"), min_value=1, max_value=600, initial=30)
    urgent = forms.BooleanField(label=_("urgent"), required=False)
    topic = forms.CharField(label=_("topic"), max_length=200, required=False)
    caller_label = forms.CharField(
        label=_("caller's first name or case number"), max_length=100, required=False
    )


class SessionForm(forms.Form):
    started_at = forms.DateTimeField(
        label=_("started at"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    ended_at = forms.DateTimeField(
        label=_("ended at"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    outcome = forms.ChoiceField(label=_("outcome"), choices=InterpreterSession.Outcome.choices)
    three_way_call = forms.BooleanField(label=_("three-way call"), required=False)


class OfferToForm(forms.Form):
    interpreter = forms.ModelChoiceField(
        label=_("interpreter"), queryset=Interpreter.objects.filter(active=True)
    )
