"""Re-encrypt every identifier under the current (first) encryption key.

Rotation: put the new key first in IEUM_ENCRYPTION_KEYS, run `ieum reencrypt`, then remove the
old key. Every field whose name ends in `_ciphertext` is encrypted data, by convention.
"""

from __future__ import annotations

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import models, transaction
from tqdm import tqdm

from ieum.core import keys


def encrypted_fields() -> list[tuple[type[models.Model], str]]:
    found = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.TextField) and field.name.endswith("_ciphertext"):
                found.append((model, field.name))
    return found


def reencrypt_all(batch_size: int = 500, progress: bool = False) -> int:
    changed = 0
    for model, field_name in encrypted_fields():
        qs = model._default_manager.exclude(**{field_name: ""}).order_by("pk")
        total = qs.count()
        bar = tqdm(total=total, desc=f"{model._meta.label}.{field_name}", disable=not progress)
        last_pk = None
        while True:
            page = qs.filter(pk__gt=last_pk) if last_pk is not None else qs
            rows = list(page.values_list("pk", field_name)[:batch_size])
            if not rows:
                break
            with transaction.atomic():
                for pk, token in rows:
                    model._default_manager.filter(pk=pk).update(**{field_name: keys.rotate(token)})
            changed += len(rows)
            last_pk = rows[-1][0]
            bar.update(len(rows))
        bar.close()
    return changed


class Command(BaseCommand):
    help = "Re-encrypt all identifiers under the current encryption key (key rotation)."

    def handle(self, *args, **options):
        count = reencrypt_all(progress=options["verbosity"] > 0)
        self.stdout.write(
            self.style.SUCCESS(f"re-encrypted {count} values under key {keys.keyring().current_key_id}")
        )
