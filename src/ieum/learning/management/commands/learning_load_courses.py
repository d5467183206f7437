from django.core.management.base import BaseCommand

from ieum.learning.services import courses_load


class Command(BaseCommand):
    help = "Load the Korean courses and lessons (learning/data/courses.toml)."

    def handle(self, *args, **options):
        self.stdout.write(f"{courses_load()} course(s) loaded.")
