import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ieum.core.models import RoleGrantLog


class Command(BaseCommand):
    help = "Delete role grant/change/revoke records older than a date past the 3-year retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--before",
            type=dt.date.fromisoformat,
            default=None,
            help="cut-off date (YYYY-MM-DD); default: the retention floor",
        )

    def handle(self, *args, before=None, **options):
        # facts.md §5: records of granting, changing and revoking access are kept ≥ 3 years.
        floor = timezone.localdate() - dt.timedelta(days=settings.IEUM_ROLE_LOG_RETENTION_DAYS)
        before = before or floor
        if before > floor:
            raise CommandError(f"role records must be kept until {floor.isoformat()} at the earliest")
        cutoff = timezone.make_aware(dt.datetime.combine(before, dt.time.min))
        count, _ = RoleGrantLog.objects.filter(at__lt=cutoff).delete()
        self.stdout.write(self.style.SUCCESS(f"pruned {count} role records"))
