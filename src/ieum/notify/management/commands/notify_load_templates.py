from django.core.management.base import BaseCommand

from ieum.notify.templates import templates_load


class Command(BaseCommand):
    help = "Load the message templates (notify/data/templates.toml) into the database."

    def handle(self, *args, **options):
        self.stdout.write(f"{templates_load()} template(s) loaded.")
