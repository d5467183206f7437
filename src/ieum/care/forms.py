from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ieum.care.models import Booking, Kind


class StaffBookingForm(forms.Form):
    resident_id = forms.IntegerField(label=_("Resident number in Ieum"), min_value=1)
    case_id = forms.IntegerField(label=_("Case (optional)"), min_value=1, required=False)
    referral_id = forms.IntegerField(label=_("Referral (optional)"), min_value=1, required=False)
    participant_ids = forms.CharField(
        label=_("Other residents of a group consultation (numbers, separated by commas)"), required=False
    )

    def clean_participant_ids(self) -> list[int]:
        raw = self.cleaned_data.get("participant_ids", "")
        try:
            return [int(x) for x in raw.replace(" ", "").split(",") if x]
        except ValueError:
            raise forms.ValidationError(_("Write the numbers separated by commas.")) from None


class ResidentBookingForm(forms.Form):
    consent = forms.BooleanField(
        label=_(
            "I agree to share my name, languages and phone number with this partner for the appointment."
        ),
        required=False,
    )


class OutcomeForm(forms.Form):
    status = forms.ChoiceField(
        label=_("What happened"),
        choices=[(Booking.Status.ATTENDED, _("attended")), (Booking.Status.NO_SHOW, _("did not come"))],
    )
    note = forms.CharField(label=_("Outcome note (no medical details)"), max_length=300, required=False)
    follow_up_on = forms.DateField(
        label=_("Follow-up on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class SlotForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices)
    starts_at = forms.DateTimeField(
        label=_("Starts at"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    minutes = forms.IntegerField(label=_("Minutes"), min_value=5, max_value=480, initial=30)
    group = forms.BooleanField(label=_("Group consultation"), required=False)
    place = forms.CharField(label=_("Place"), max_length=300, required=False)


class SupportForm(forms.Form):
    care_type = forms.ChoiceField(
        label=_("Care"),
        choices=[
            ("inpatient", _("inpatient care")),
            ("surgery", _("surgery")),
            ("prenatal", _("prenatal care")),
            ("child_outpatient", _("outpatient care of a child")),
            ("outpatient", _("other outpatient care")),
        ],
    )
    cost_krw = forms.IntegerField(label=_("Expected cost (KRW)"), min_value=0, max_value=1_000_000_000)
    insured = forms.BooleanField(label=_("The person has health insurance"), required=False)
