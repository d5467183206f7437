import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from ieum.core.access import RetentionError, access_log_prune, retention_floor


class Command(BaseCommand):
    help = "Delete access-log rows older than a date that is past the 2-year retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--before",
            type=dt.date.fromisoformat,
            default=None,
            help="cut-off date (YYYY-MM-DD); default: the retention floor",
        )

    def handle(self, *args, before=None, **options):
        try:
            count = access_log_prune(before=before or retention_floor())
        except RetentionError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"pruned {count} access-log rows"))
