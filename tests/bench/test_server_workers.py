"""The benchmark's page server really runs sync workers, one request at a time each.

gunicorn.conf.py asks for threads, and gunicorn turns a sync worker with more
than one thread into a threaded one without a word: the access log's times
then include waiting for the interpreter behind the worker's other requests.
"""

import sys

import pytest
from gunicorn.app.wsgiapp import WSGIApplication
from gunicorn.workers.gthread import ThreadWorker
from gunicorn.workers.sync import SyncWorker

from bench.run import ROOT, server_arguments


def worker_class_of(arguments, monkeypatch):
    """The worker class gunicorn would run, read as it reads its config file and command."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(sys, "argv", ["gunicorn", *arguments])
    return WSGIApplication("%(prog)s [OPTIONS] [APP_MODULE]").cfg.worker_class


@pytest.mark.parametrize(
    "production, expected", [(False, SyncWorker), (True, ThreadWorker)], ids=["pages", "capacity"]
)
def test_the_bench_server_runs_the_workers_it_says(production, expected, monkeypatch, tmp_path):
    arguments = server_arguments(2, tmp_path / "access.log", 8000, production=production)

    assert worker_class_of(arguments, monkeypatch) is expected
