from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ieum.core.models import Municipality, Nationality
from ieum.residents.models import Document, Sex
from ieum.residents.services import SUPPORTED_LANGUAGE_CODES


class ResidentForm(forms.Form):
    name = forms.CharField(label=_("Name as written in the passport"), max_length=200)
    name_native = forms.CharField(label=_("Name in native script"), max_length=200, required=False)
    name_hangul = forms.CharField(label=_("Name in Hangul"), max_length=200, required=False)
    birth_date = forms.DateField(
        label=_("Date of birth"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sex = forms.ChoiceField(label=_("Sex"), choices=[("", "—"), *Sex.choices], required=False)
    nationality = forms.ModelChoiceField(
        label=_("Nationality"), queryset=Nationality.objects.all(), required=False
    )
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=[])
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    municipality = forms.ModelChoiceField(
        label=_("City or county"), queryset=Municipality.objects.all(), required=False
    )
    arn = forms.CharField(label=_("Alien registration number"), max_length=20, required=False)
    passport = forms.CharField(label=_("Passport number"), max_length=20, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.conf import settings

        names = dict(settings.LANGUAGES)
        self.fields["preferred_language"].choices = [(c, names[c]) for c in SUPPORTED_LANGUAGE_CODES]


class RevealForm(forms.Form):
    kind = forms.ChoiceField(
        choices=[("arn", _("Alien registration number")), ("passport", _("Passport number"))]
    )
    purpose = forms.CharField(label=_("Why do you need to see it?"), max_length=300)


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of document"), choices=Document.Kind.choices)
    file = forms.FileField(label=_("File"))


class MergeForm(forms.Form):
    survivor = forms.IntegerField(widget=forms.HiddenInput)
    merged = forms.IntegerField(widget=forms.HiddenInput)
