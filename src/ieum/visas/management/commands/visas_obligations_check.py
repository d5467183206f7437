"""`ieum visas_obligations_check`: compares every regional-visa holder's address and employer with
their obligation; opens an alert for the program officer and tells the resident (run daily)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from ieum.visas.obligations import obligations_check_all


class Command(BaseCommand):
    help = "Check regional-visa obligations against current addresses and employers."

    def handle(self, *args, **options) -> None:
        opened = obligations_check_all()
        self.stdout.write(f"{opened} alert(s) opened")
