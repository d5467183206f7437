from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

# Korean bank codes (금융결제원 표준 코드) of the banks residents of the region use most.
BANKS = [
    ("", _("Choose the bank")),
    ("004", "KB국민은행"),
    ("011", "NH농협은행"),
    ("012", "지역농축협"),
    ("020", "우리은행"),
    ("034", "광주은행"),
    ("081", "하나은행"),
    ("088", "신한은행"),
    ("071", "우체국"),
    ("045", "새마을금고"),
    ("090", "카카오뱅크"),
    ("092", "토스뱅크"),
]


class ApplicationForm(forms.Form):
    bank_code = forms.ChoiceField(label=_("Bank"), choices=BANKS, required=False)
    account_number = forms.CharField(label=_("Account number"), max_length=30, required=False)
    account_holder = forms.CharField(label=_("Account holder"), max_length=100, required=False)
    document = forms.FileField(label=_("Supporting document (optional)"), required=False)


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class LineEntryForm(forms.Form):
    KINDS = [
        ("supplementary", _("supplementary change")),
        ("commitment", _("commitment")),
        ("spending", _("spending")),
    ]
    kind = forms.ChoiceField(label=_("Kind"), choices=KINDS)
    amount = forms.IntegerField(
        label=_("Amount (KRW)"), min_value=-100_000_000_000, max_value=100_000_000_000
    )
    decision = forms.CharField(label=_("Decision"), max_length=200)
    from_commitment = forms.BooleanField(label=_("Pay out of an earlier commitment"), required=False)


class ReverseForm(forms.Form):
    reason = forms.CharField(label=_("Reason for the correction"), max_length=200)


class BatchForm(forms.Form):
    program = forms.IntegerField(widget=forms.HiddenInput)
    method = forms.ChoiceField(
        label=_("Payment method"),
        choices=[("bank", _("bank transfer")), ("gift", _("local gift certificates"))],
    )


class ResultFileForm(forms.Form):
    file = forms.FileField(label=_("Bank result file (CSV)"))


class HandOverForm(forms.Form):
    serials = forms.CharField(label=_("Certificate serial numbers, one per line"), widget=forms.Textarea)
    # Bounded to keep it inside its column (a larger number failed in the database).
    face_value = forms.IntegerField(
        label=_("Face value of each certificate (KRW)"), min_value=1, max_value=10_000_000
    )


class ClawbackForm(forms.Form):
    broken_on = forms.DateField(
        label=_("Date the obligation broke"), widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(label=_("Decision"), max_length=200)
