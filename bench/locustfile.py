"""One page under load: signs in as the page's role, then requests it again and again.

The target comes from the BENCH_TARGET environment variable (JSON written by
bench/run.py): {"method", "path", "login", "password", "data"}.
"""

import json
import os
import re
import uuid

from locust import HttpUser, constant, task

TARGET = json.loads(os.environ["BENCH_TARGET"])
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class PageUser(HttpUser):
    wait_time = constant(0)

    def on_start(self):
        self.csrf = ""
        if TARGET.get("login"):
            page = self.client.get("/accounts/login/", name="(sign in)")
            token = CSRF_INPUT.search(page.text).group(1)
            self.client.post(
                "/accounts/login/",
                {
                    "username": TARGET["login"],
                    "password": TARGET["password"],
                    "csrfmiddlewaretoken": token,
                },
                name="(sign in)",
            )
            self.csrf = self.client.cookies.get("csrftoken", "")

    @task
    def page(self):
        if TARGET["method"] == "GET":
            self.client.get(TARGET["path"], name=TARGET["name"])
            return
        data = dict(TARGET.get("data") or {})
        # Every autosave carries its own id, as the editor's does.
        data = {k: (str(uuid.uuid4()) if v == "{uuid}" else v) for k, v in data.items()}
        self.client.post(
            TARGET["path"],
            data,
            headers={
                "X-CSRFToken": self.csrf,
                "HX-Request": "true",
                "Referer": self.host + TARGET["path"],
            },
            name=TARGET["name"],
        )
