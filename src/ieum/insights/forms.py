"""The scenario form: every assumption of the policy model as a field, quota lines as text
("track industry county per-year", one per line) so an analyst can paste a table."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ieum.insights.policy import TRACKS

# The 2026 provincial plan (facts.md §0): E-7-4R quota 993; spread here over the shipbuilding and
# farm/fishery industries of the south-west for a starting point the analyst edits.
DEFAULT_QUOTAS = "E-7-4R C31 46830 600\nE-7-4R A03 46890 393\nF-2-R C31 46830 100\nprovince A 46820 50"
DEFAULT_GAP = "C31 1500\nA03 600\nA 300"


def _rate(label) -> forms.FloatField:
    return forms.FloatField(label=label, min_value=0.0, max_value=1.0)


class ScenarioForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Scenario name"), max_length=200)
    start_year = forms.IntegerField(
        label=gettext_lazy("First year"), min_value=2020, max_value=2100, initial=2026
    )
    years = forms.IntegerField(label=gettext_lazy("Years"), min_value=1, max_value=30, initial=5)
    quotas = forms.CharField(
        label=gettext_lazy("Quotas per year (track, KSIC industry, county code, number; one per line)"),
        widget=forms.Textarea(attrs={"rows": 5}),
        initial=DEFAULT_QUOTAS,
    )
    fill_rate = _rate(gettext_lazy("Share of each quota used"))
    retention_e74r = _rate(gettext_lazy("Yearly retention, E-7-4R"))
    retention_f2r = _rate(gettext_lazy("Yearly retention, F-2-R"))
    retention_province = _rate(gettext_lazy("Yearly retention, province-designed track"))
    grant_reach = _rate(gettext_lazy("Share reached by the settlement grant"))
    grant_effect = _rate(gettext_lazy("Extra yearly retention of those the grant reaches"))
    korean_seats = forms.IntegerField(
        label=gettext_lazy("Korean-class places a year"), min_value=0, max_value=100000
    )
    korean_completion = _rate(gettext_lazy("Share of Korean-class learners who complete"))
    gap = forms.CharField(
        label=gettext_lazy("Labour gap by industry (KSIC industry, number; one per line)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        initial=DEFAULT_GAP,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        defaults = {
            "fill_rate": 1.0,
            "retention_e74r": 0.85,
            "retention_f2r": 0.95,
            "retention_province": 0.8,
            "grant_reach": 0.3,
            "grant_effect": 0.05,
            "korean_seats": 500,
            "korean_completion": 0.6,
        }
        for name, value in defaults.items():
            self.fields[name].initial = value

    def clean_quotas(self) -> list[dict]:
        lines = []
        for number, line in enumerate(self.cleaned_data["quotas"].splitlines(), start=1):
            parts = line.split()
            if not parts:
                continue
            if len(parts) != 4 or parts[0] not in TRACKS or not parts[3].isdigit():
                raise forms.ValidationError(
                    _("Line %(line)s: write a track (%(tracks)s), an industry, a county code and a number.")
                    % {"line": number, "tracks": ", ".join(TRACKS)}
                )
            lines.append(
                {"track": parts[0], "industry": parts[1], "county": parts[2], "per_year": int(parts[3])}
            )
        return lines

    def clean_gap(self) -> dict[str, float]:
        gap = {}
        for number, line in enumerate(self.cleaned_data["gap"].splitlines(), start=1):
            parts = line.split()
            if not parts:
                continue
            try:
                gap[parts[0]] = float(parts[1]) if len(parts) == 2 else float("x")
            except ValueError:
                raise forms.ValidationError(
                    _("Line %(line)s: write an industry and a number.") % {"line": number}
                ) from None
        return gap

    def assumptions(self) -> dict:
        d = self.cleaned_data
        return {
            "start_year": d["start_year"],
            "years": d["years"],
            "quotas": d["quotas"],
            "retention": {
                "E-7-4R": d["retention_e74r"],
                "F-2-R": d["retention_f2r"],
                "province": d["retention_province"],
            },
            "fill_rate": d["fill_rate"],
            "grant_reach": d["grant_reach"],
            "grant_effect": d["grant_effect"],
            "korean_seats": d["korean_seats"],
            "korean_completion": d["korean_completion"],
            "gap": d["gap"],
        }
