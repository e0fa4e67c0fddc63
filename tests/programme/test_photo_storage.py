"""Where photos are kept: a folder by default, an S3-compatible store when a bucket is named;
the pages only ever open files through the storage, never by a path on disk."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from tests.programme.story_helpers import add_photo, make_story

ROOT = Path(__file__).resolve().parents[2]
SHOW = "from django.conf import settings as s; print(s.STORAGES['default']); print(s.MEDIA_ROOT)"


def _settings(**env) -> str:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "MEDIA_"))}
    environment.update(DEBUG="1", **env)
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SHOW],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_photos_go_to_a_local_folder_by_default():
    out = _settings()
    assert "FileSystemStorage" in out
    assert out.strip().endswith(str(ROOT / ".local" / "media"))


def test_a_bucket_sends_photos_to_an_s3_compatible_store():
    out = _settings(AWS_STORAGE_BUCKET_NAME="cbmc-photos", AWS_S3_ENDPOINT_URL="https://s3.example")
    assert "storages.backends.s3.S3Storage" in out
    assert "'bucket_name': 'cbmc-photos'" in out and "'default_acl': 'private'" in out
    assert "https://s3.example" in out


@pytest.mark.django_db
def test_pages_serve_photos_from_a_storage_without_files_on_disk(client, group, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    photo = add_photo(make_story(group))
    response = client.get(reverse("stories:photo", args=["south", photo.story_id, photo.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"
