from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.test import override_settings

from ieum.core import keys
from ieum.lib import crypto
from ieum.residents import selectors
from ieum.residents.models import Resident
from ieum.residents.services import ResidentData, resident_create

NEW_KEY = crypto.generate_key()


@pytest.mark.django_db
def test_rotation_reencrypts_under_the_new_key_and_lookups_still_work(settings):
    old_spec = settings.IEUM_ENCRYPTION_KEYS
    resident = resident_create(
        data=ResidentData(name="TRAN THI BINH", birth_date=dt.date(1990, 1, 2), arn="900102-6234567"),
        actor=None,
    )
    before = resident.arn_ciphertext
    rotated_spec = f"k2:{NEW_KEY},{old_spec}"
    with override_settings(IEUM_ENCRYPTION_KEYS=rotated_spec):
        call_command("reencrypt", verbosity=0)
        resident.refresh_from_db()
        assert resident.arn_ciphertext != before
        assert keys.decrypt(resident.arn_ciphertext) == "9001026234567"
    # Once the old key is dropped, the rotated value still decrypts and the lookup still finds her.
    with override_settings(IEUM_ENCRYPTION_KEYS=f"k2:{NEW_KEY}"):
        assert keys.decrypt(Resident.objects.get(pk=resident.pk).arn_ciphertext) == "9001026234567"
        assert selectors.search_residents("900102-6234567").residents == [resident]
    # ...and the old key alone can no longer read it.
    with override_settings(IEUM_ENCRYPTION_KEYS=old_spec), pytest.raises(crypto.DecryptionError):
        keys.decrypt(Resident.objects.get(pk=resident.pk).arn_ciphertext)
