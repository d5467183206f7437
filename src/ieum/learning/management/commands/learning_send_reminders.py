from django.core.management.base import BaseCommand

from ieum.learning.services import lesson_reminders_send


class Command(BaseCommand):
    help = "Remind each learner of their next short lesson (once a day; quiet hours apply)."

    def handle(self, *args, **options):
        self.stdout.write(f"{lesson_reminders_send()} reminder(s) sent or queued.")
