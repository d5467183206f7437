from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ieum.knowledge.models import Answer


class AnswerForm(forms.ModelForm):
    class Meta:
        model = Answer
        fields = [
            "kind",
            "topic",
            "visa_status",
            "municipality",
            "valid_from",
            "valid_to",
            "title",
            "body",
            "source_note",
            "published",
        ]
        widgets = {
            "valid_from": forms.DateInput(attrs={"type": "date"}),
            "valid_to": forms.DateInput(attrs={"type": "date"}),
            "body": forms.Textarea(attrs={"rows": 8, "lang": "ko"}),
            "title": forms.TextInput(attrs={"lang": "ko"}),
        }
        labels = {
            "visa_status": _("Status of stay"),
            "municipality": _("City or county"),
            "topic": _("Topic"),
        }


class TranslationForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 8}))
