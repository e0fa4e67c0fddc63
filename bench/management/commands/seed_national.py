import time

from django.core.management.base import BaseCommand, CommandError

from communities.models import Tambon


class Command(BaseCommand):
    help = "Fill the database with the national benchmark data set (bench/national.py)."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="1 = full national scale")

    def handle(self, *args, scale, **options):
        from bench.national import already_seeded, seed_national, sizes_for

        if Tambon.objects.current().count() < 7000:
            raise CommandError("Load the geography first: python manage.py load_geography")
        if already_seeded():
            self.stdout.write("national data set already present; drop the database to redo it")
            return
        started = time.monotonic()
        self.stdout.write(f"seeding at scale {scale}: {sizes_for(scale)}")
        seed_national(scale, log=self.stdout.write)
        self.stdout.write(f"done in {time.monotonic() - started:.0f} s")
