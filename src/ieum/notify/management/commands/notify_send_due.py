from django.core.management.base import BaseCommand

from ieum.notify.services import deliveries_send_due


class Command(BaseCommand):
    help = "Send the messages deferred by quiet hours or scheduled (reminders) whose time has come."

    def handle(self, *args, **options):
        sent = deliveries_send_due()
        self.stdout.write(f"{sent} message(s) sent.")
