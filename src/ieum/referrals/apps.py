from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "ieum.referrals"
    label = "referrals"
    verbose_name = "Referrals"
