"""Forms of the referral pages. They parse; the services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ieum.privacy.vocabulary import Item, Purpose
from ieum.referrals.models import Partner
from ieum.referrals.services import SHAREABLE_ITEMS


class ReferralForm(forms.Form):
    partner = forms.ModelChoiceField(label=_("partner"), queryset=Partner.objects.filter(active=True))
    purpose = forms.ChoiceField(label=_("purpose"), choices=Purpose.choices)
    items = forms.MultipleChoiceField(
        label=_("items shared"),
        choices=[(value, label) for value, label in Item.choices if value in SHAREABLE_ITEMS],
        widget=forms.CheckboxSelectMultiple,
    )
    message = forms.CharField(
        label=_("message to the partner"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shared with the partner only with the summary of the consultation among the items."),
    )


class DeclineForm(forms.Form):
    decline_reason = forms.CharField(
        label=_("reason for declining"), widget=forms.Textarea(attrs={"rows": 3})
    )


class AppointmentForm(forms.Form):
    appointment_at = forms.DateTimeField(
        label=_("appointment"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    place = forms.CharField(label=_("place"), max_length=300, required=False)


class OutcomeForm(forms.Form):
    outcome = forms.CharField(label=_("outcome"), widget=forms.Textarea(attrs={"rows": 4}))
