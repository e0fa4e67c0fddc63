import json

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Print, as JSON, the pages the benchmark drives and as whom (bench/targets.py)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check-canvases",
            type=int,
            default=200,
            help="canvases for leaders typing alone (the autosave check, the capacity run)",
        )

    def handle(self, *args, check_canvases, **options):
        from bench.targets import bench_targets

        self.stdout.write(json.dumps(bench_targets(check_canvases), ensure_ascii=False))
