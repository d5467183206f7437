from __future__ import annotations

import datetime as dt

import factory

from ieum.core.models import Municipality, Nationality, VisaStatus
from ieum.residents.models import Resident


class NationalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nationality
        django_get_or_create = ("alpha2",)

    alpha2 = "VN"
    alpha3 = "VNM"
    numeric = "704"
    name_en = "Viet Nam"
    name_ko = "베트남"


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("code",)

    code = "46830"
    name_ko = "영암군"
    name_en = "Yeongam-gun"
    kind = Municipality.Kind.COUNTY


class VisaStatusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VisaStatus
        django_get_or_create = ("code",)

    code = "E-9"
    name_ko = "비전문취업"
    name_en = "Non-professional employment"
    category = "work"
    work = VisaStatus.Work.EPS


class ResidentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resident

    name = factory.Sequence(lambda n: f"NGUYEN VAN {n}")
    birth_date = dt.date(1995, 3, 14)
    sex = "M"
    nationality = factory.SubFactory(NationalityFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    preferred_language = "vi"
