from django.core.management.base import BaseCommand, CommandError

from ieum.core.access import access_log_verify


class Command(BaseCommand):
    help = "Check the access log's hash chain: every altered or removed row is reported."

    def handle(self, *args, **options):
        problems = access_log_verify()
        if problems:
            for problem in problems:
                self.stderr.write(f"row {problem.row_id}: {problem.problem}")
            raise CommandError(f"access log chain broken at {len(problems)} place(s)")
        self.stdout.write(self.style.SUCCESS("access log chain intact"))
