from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from ieum.core.models import Municipality
from ieum.visas.engine import PROGRAMS

PROGRAMS_CHOICES = [(code, program.status) for code, program in PROGRAMS.items()]


class ApplyForm(forms.Form):
    program = forms.ChoiceField(label=_("Program"), choices=PROGRAMS_CHOICES)
    employer_name = forms.CharField(label=_("employer"), max_length=200, required=False)
    employer_brn = forms.CharField(label=_("business registration number"), max_length=12, required=False)


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("recommend", _("Recommend")), ("refuse", _("Do not recommend"))]
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class FilingForm(forms.Form):
    step = forms.ChoiceField(
        label=_("Step"),
        choices=[
            ("file", _("Filed with the immigration office")),
            ("grant", _("Status granted")),
            ("deny", _("Status not granted")),
        ],
    )
    office = forms.CharField(label=_("Immigration office"), max_length=100, required=False)
    day = forms.DateField(label=_("Date"), initial=dt.date.today)


class QuotaForm(forms.Form):
    program = forms.ChoiceField(
        label=_("Program"), choices=[c for c in PROGRAMS_CHOICES if PROGRAMS[c[0]].quota]
    )
    year = forms.IntegerField(label=_("Year"), min_value=2022, max_value=2100)
    municipality = forms.ModelChoiceField(label=_("City or county"), queryset=Municipality.objects.all())
    amount = forms.IntegerField(label=_("Quota"), min_value=0, max_value=100000)
    source = forms.CharField(label=_("Source"), max_length=300)


class ParameterForm(forms.Form):
    name = forms.ChoiceField(label=_("Parameter"), choices=[])
    value = forms.CharField(label=_("New value"), max_length=500)
    valid_from = forms.DateField(label=_("Valid from"))
    source = forms.CharField(label=_("Source"), max_length=500)

    def __init__(self, *args, names: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].choices = [(n, n) for n in names]  # type: ignore[attr-defined]


class TrackForm(forms.Form):
    code = forms.SlugField(label=_("Code"), max_length=30)
    name = forms.CharField(label=_("name"), max_length=200)
    base_status = forms.ChoiceField(label=_("status granted"), choices=[("D-2", "D-2"), ("E-7", "E-7")])
    feeder_statuses = forms.CharField(
        label=_("Current statuses that may apply (comma-separated)"), max_length=200, required=False
    )
    ksco_codes = forms.CharField(
        label=_("KSCO occupation codes (comma-separated)"), max_length=500, required=False
    )
    korean_min = forms.IntegerField(
        label=_("Minimum TOPIK level or KIIP stage"), min_value=0, max_value=6, initial=0
    )
    # Bounded to keep it inside its column (a larger number failed in the database).
    income_min = forms.IntegerField(
        label=_("Minimum yearly income (KRW)"), min_value=0, max_value=100_000_000_000, initial=0
    )
    valid_from = forms.DateField(label=_("Valid from"))
    source = forms.CharField(label=_("Source"), max_length=500)

    def clean_ksco_codes(self) -> list[str]:
        codes = [c.strip() for c in self.cleaned_data["ksco_codes"].split(",") if c.strip()]
        if any(not c.isdigit() for c in codes):
            raise forms.ValidationError(_("Occupation codes are digits only."))
        return codes

    def clean_feeder_statuses(self) -> list[str]:
        return [c.strip().upper() for c in self.cleaned_data["feeder_statuses"].split(",") if c.strip()]


class TrackQuotaForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2022, max_value=2100)
    municipality = forms.ModelChoiceField(label=_("City or county"), queryset=Municipality.objects.all())
    industry = forms.CharField(label=_("Industry (KSIC code)"), max_length=10)
    amount = forms.IntegerField(label=_("Quota"), min_value=0, max_value=100000)

    def clean_industry(self) -> str:
        value = self.cleaned_data["industry"].strip()
        if not value.isdigit():
            raise forms.ValidationError(_("Industry codes are digits only."))
        return value
