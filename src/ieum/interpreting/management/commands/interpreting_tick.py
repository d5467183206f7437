"""Expire timed-out offers and pass their requests to the next interpreter (run every minute)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from ieum.interpreting.services import offers_expire


class Command(BaseCommand):
    help = "Expire timed-out interpreter offers and offer their requests to the next interpreter."

    def handle(self, *args, **options) -> None:
        expired = offers_expire()
        self.stdout.write(f"{expired} offer(s) expired")
