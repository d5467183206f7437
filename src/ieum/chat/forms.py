from __future__ import annotations

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from ieum.chat.services import MAX_MESSAGE_CHARS


class MessageForm(forms.Form):
    text = forms.CharField(
        label=_("Your message"),
        max_length=MAX_MESSAGE_CHARS,
        widget=forms.Textarea(attrs={"rows": 3, "class": "krds-input"}),
    )


class TopicField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.label  # the topic's name in the reader's language


class StartForm(MessageForm):
    topic = TopicField(label=_("What is it about?"), queryset=None, empty_label=None)

    field_order = ["topic", "text"]

    def __init__(self, *args, **kwargs) -> None:
        from ieum.casework.models import Topic

        super().__init__(*args, **kwargs)
        topic = cast(forms.ModelChoiceField, self.fields["topic"])
        topic.queryset = Topic.objects.filter(active=True)


class CorrectionForm(forms.Form):
    language = forms.CharField(widget=forms.HiddenInput, max_length=12)
    text = forms.CharField(
        label=_("Corrected translation"),
        max_length=MAX_MESSAGE_CHARS,
        widget=forms.Textarea(attrs={"rows": 2, "class": "krds-input"}),
    )


class TranscriptForm(forms.Form):
    purpose = forms.CharField(
        label=_("Purpose"),
        max_length=300,
        help_text=_("Why the transcript is needed, e.g. a labor office hearing. It is logged."),
        widget=forms.TextInput(attrs={"class": "krds-input"}),
    )
