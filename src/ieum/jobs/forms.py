"""Forms of the jobs pages; the services validate the rules, forms only parse."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ieum.core.models import Municipality
from ieum.jobs.models import Employer


def _codes(value: str) -> list[str]:
    return [part.strip() for part in value.replace("\n", ",").split(",") if part.strip()]


class EmployerForm(forms.Form):
    name = forms.CharField(label=_("Business name"), max_length=200)
    brn = forms.CharField(label=_("Business registration number"), max_length=12, help_text="123-45-67890")
    ksic_code = forms.CharField(label=_("Industry (KSIC code)"), max_length=6)
    municipality = forms.ModelChoiceField(label=_("City or county"), queryset=Municipality.objects.all())
    size = forms.ChoiceField(label=_("Size"), choices=Employer.Size.choices)
    dormitory = forms.BooleanField(label=_("Dormitory or housing offered"), required=False)
    housing_note = forms.CharField(label=_("Housing details"), max_length=300, required=False)
    contact_name = forms.CharField(label=_("Contact person"), max_length=100)
    contact_phone = forms.CharField(label=_("Contact phone"), max_length=20)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    languages = forms.CharField(
        label=_("Languages spoken at the workplace (codes, comma-separated)"), initial="ko"
    )

    def clean_languages(self) -> list[str]:
        return _codes(self.cleaned_data["languages"])


class VacancyForm(forms.Form):
    title = forms.CharField(label=_("Job title"), max_length=200)
    ksco_code = forms.CharField(label=_("Occupation (KSCO code)"), max_length=5)
    ksic_code = forms.CharField(label=_("Industry (KSIC code)"), max_length=6, required=False)
    municipality = forms.ModelChoiceField(
        label=_("City or county"), queryset=Municipality.objects.all(), required=False
    )
    # Upper bounds keep every number inside its column (a larger one failed in the database).
    wage_hourly = forms.IntegerField(label=_("Hourly wage (KRW)"), min_value=0, max_value=1_000_000)
    hours_per_week = forms.IntegerField(label=_("Hours per week"), min_value=0, max_value=168)
    shifts = forms.CharField(label=_("Shifts"), max_length=200, required=False)
    housing = forms.BooleanField(label=_("Housing offered"), required=False)
    korean_required = forms.IntegerField(
        label=_("Korean level required (TOPIK)"), min_value=0, max_value=6, initial=0
    )
    skills = forms.CharField(label=_("Skills (comma-separated)"), required=False)
    certificates = forms.CharField(label=_("Certificates (comma-separated)"), required=False)
    start_date = forms.DateField(label=_("Start date"), widget=forms.DateInput(attrs={"type": "date"}))
    headcount = forms.IntegerField(label=_("Number of openings"), min_value=0, max_value=10_000)
    statuses = forms.CharField(
        label=_("Statuses of stay you accept (comma-separated, empty for all lawful)"), required=False
    )

    def clean_skills(self) -> list[str]:
        return _codes(self.cleaned_data["skills"])

    def clean_certificates(self) -> list[str]:
        return _codes(self.cleaned_data["certificates"])

    def clean_statuses(self) -> list[str]:
        return [s.upper() for s in _codes(self.cleaned_data["statuses"])]


class CountiesField(forms.ModelMultipleChoiceField):
    """Ids that cannot be a row's id are refused before the query: one beyond the database's
    integer range made the lookup itself fail."""

    def _check_values(self, value):
        for pk in value:
            if not str(pk).isdigit() or len(str(pk)) > 18:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
        return super()._check_values(value)


class ProfileForm(forms.Form):
    ksco_1 = forms.CharField(label=_("Occupation you worked in (KSCO code)"), max_length=5, required=False)
    years_1 = forms.DecimalField(label=_("Years"), min_value=0, max_value=50, required=False)
    ksco_2 = forms.CharField(label=_("Another occupation (KSCO code)"), max_length=5, required=False)
    years_2 = forms.DecimalField(label=_("Years"), min_value=0, max_value=50, required=False)
    wanted_wage = forms.IntegerField(label=_("Wanted hourly wage (KRW)"), min_value=0, max_value=1_000_000)
    skills = forms.CharField(label=_("Skills (comma-separated)"), required=False)
    certificates = forms.CharField(label=_("Certificates (comma-separated)"), required=False)
    industries = forms.CharField(
        label=_("Industries you want to work in (KSIC codes, comma-separated)"), required=False
    )
    counties = CountiesField(
        label=_("Other cities and counties where you would work"),
        queryset=Municipality.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    available_from = forms.DateField(
        label=_("Available from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    needs_housing = forms.BooleanField(label=_("I need housing"), required=False)

    def experience(self) -> list[dict]:
        data = self.cleaned_data
        return [
            {"ksco": data[f"ksco_{n}"], "years": float(data[f"years_{n}"] or 0)}
            for n in (1, 2)
            if data.get(f"ksco_{n}")
        ]


class StageForm(forms.Form):
    stage = forms.ChoiceField(
        choices=[
            ("offered", _("offered")),
            ("interviewed", _("interviewed")),
            ("hired", _("hired")),
            ("declined", _("declined")),
            ("left", _("left the job")),
        ]
    )
    left_on = forms.DateField(required=False)
    workplace_change = forms.BooleanField(required=False)
