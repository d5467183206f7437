from django.core.management.base import BaseCommand

from ieum.privacy.retention import retention_run


class Command(BaseCommand):
    help = "De-identify records whose retention period has ended (legal holds are spared)."

    def handle(self, *args, **options):
        count = retention_run()
        self.stdout.write(self.style.SUCCESS(f"de-identified {count} records"))
