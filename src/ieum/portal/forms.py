"""Forms of the resident portal: parse and check input; the rules live in services."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ieum.core.models import Municipality
from ieum.portal import selectors
from ieum.portal.services import Destination, destination_parse
from ieum.privacy.models import RightsRequest
from ieum.residents.models import Document


def language_choices() -> list[tuple[str, str]]:
    return [(code, name) for code, name in settings.LANGUAGES]


class ContactField(forms.CharField):
    """A mobile phone number or an e-mail address; cleans to a Destination."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("label", _("Mobile phone number or e-mail address"))
        kwargs.setdefault("help_text", _("For example 010-1234-5678 or name@example.com."))
        kwargs.setdefault("max_length", 254)
        super().__init__(**kwargs)
        self.widget.attrs.update({"autocomplete": "username", "inputmode": "email", "spellcheck": "false"})

    def clean(self, value: object) -> Destination:  # type: ignore[override]
        text = super().clean(value)
        return destination_parse(text)


class SignUpForm(forms.Form):
    name = forms.CharField(
        label=_("Your name as written in your passport"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact = ContactField()
    language = forms.ChoiceField(label=_("Language"), choices=language_choices)
    consent = forms.BooleanField(
        label=_("I agree to the collection and use of my personal data as described above."),
        error_messages={"required": _("The center needs your agreement to keep a record for you.")},
    )


class SignInForm(forms.Form):
    contact = ContactField()


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=12,
        help_text=_("The 6 digits in the message we sent you."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class ProfileForm(forms.Form):
    name = forms.CharField(label=_("Name as written in your passport"), max_length=200)
    name_native = forms.CharField(label=_("Name in your own script"), max_length=200, required=False)
    name_hangul = forms.CharField(label=_("Name in Hangul"), max_length=200, required=False)
    phone = forms.CharField(
        label=_("Mobile phone number"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.EmailField(label=_("E-mail address"), required=False)
    municipality = forms.ModelChoiceField(
        label=_("City or county where you live"), queryset=Municipality.objects.none(), required=False
    )
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    preferred_language = forms.ChoiceField(
        label=_("Language for messages from the center"), choices=language_choices
    )
    languages = forms.MultipleChoiceField(
        label=_("Other languages you speak"),
        choices=language_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, user=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["municipality"].queryset = selectors.municipalities()  # type: ignore[attr-defined]
        self.fields["municipality"].label_from_instance = lambda m: m.name_ko  # type: ignore[attr-defined]

    def _not_on_another_account(self, channel: str, address: str) -> None:
        owner = selectors.account_for(channel=channel, address=address)
        if owner is not None and owner != self.user:
            raise ValidationError(_("Another account already uses this. Please use a different one."))

    def clean_phone(self) -> str:
        value = self.cleaned_data["phone"].strip()
        if value:
            destination = destination_parse(value)
            if destination.channel != "sms":
                raise ValidationError(_("This is not a valid phone number."))
            self._not_on_another_account("sms", destination.address)
            return destination.address
        return value

    def clean_email(self) -> str:
        value = self.cleaned_data["email"].strip().lower()
        if value:
            self._not_on_another_account("email", value)
        return value


class LanguageForm(forms.Form):
    language = forms.ChoiceField(choices=language_choices)


class ConsentGiveForm(forms.Form):
    kind = forms.ChoiceField(choices=[("collection", "collection"), ("identifiers", "identifiers")])


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of document"), choices=Document.Kind.choices)
    file = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".pdf,.jpg,.jpeg,.png,.webp,.heic,image/*,application/pdf"}
        ),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        limit = settings.IEUM_UPLOAD_MAX_BYTES // (1024 * 1024)
        self.fields["file"].help_text = _("PDF, JPEG, PNG, WebP or HEIC, up to %(limit)s MB.") % {
            "limit": limit
        }


class RightsRequestForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What do you ask for?"), choices=RightsRequest.Kind.choices, widget=forms.RadioSelect
    )
    detail = forms.CharField(
        label=_("What should be corrected or deleted?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
