from django.core.management.base import BaseCommand

from ieum.casework.sla import sla_tick


class Command(BaseCommand):
    help = "Warn about cases near their service target and escalate those past it to a supervisor."

    def handle(self, *args, **options) -> None:
        result = sla_tick()
        self.stdout.write(f"warned {result.warned}, escalated {result.escalated}")
