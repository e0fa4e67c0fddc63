from django.core.management.base import BaseCommand

from communities.geography import load_geography


class Command(BaseCommand):
    help = "Load Thailand's provinces, districts and tambons from geothai (idempotent)."

    def handle(self, *args, **options):
        report = load_geography()
        for level, counts in report.items():
            self.stdout.write(f"{level}: {counts}")
