from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The benchmark's commands (seed_national, bench_targets); no models.

    Listed in INSTALLED_APPS only in development, where the repository's
    bench/ folder is importable; the installed portal never depends on it.
    """

    name = "bench"
    verbose_name = "Benchmark"
