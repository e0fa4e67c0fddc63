import json

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Print, as JSON, the pages the benchmark drives and as whom (bench/targets.py)."

    def handle(self, *args, **options):
        from bench.targets import bench_targets

        self.stdout.write(json.dumps(bench_targets(), ensure_ascii=False))
