"""One page under load: signs in as the page's role, then requests it again and again.

The target comes from the BENCH_TARGET environment variable (JSON written by
`manage.py bench_targets`): name, method, path, login, password, and for the
autosave the canvases to type into.
"""

import itertools
import json
import os
import re
import uuid

from locust import HttpUser, constant, task

TARGET = json.loads(os.environ["BENCH_TARGET"])
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
USER_NUMBERS = itertools.count()


class PageUser(HttpUser):
    wait_time = constant(0)

    def on_start(self):
        self.csrf = ""
        if TARGET.get("login"):
            page = self.client.get("/accounts/login/", name="(sign in)")
            token = CSRF_INPUT.search(page.text).group(1)
            credentials = {
                "username": TARGET["login"],
                "password": TARGET["password"],
                "csrfmiddlewaretoken": token,
            }
            self.client.post("/accounts/login/", credentials, name="(sign in)")
            self.csrf = self.client.cookies.get("csrftoken", "")
        if TARGET["name"] == "autosave":
            # Each simulated leader types into a canvas of their own, as real ones do.
            canvases = TARGET["canvases"]
            mine = canvases[next(USER_NUMBERS) % len(canvases)]
            self.save_path, self.revision = mine["path"], mine["revision"]
            self.keystrokes = 0

    @task
    def page(self):
        if TARGET["name"] == "autosave":
            self.autosave()
        else:
            self.client.get(TARGET["path"], name=TARGET["name"])

    def autosave(self):
        """What the editor sends a few seconds after typing stops: one block, its own id."""
        self.keystrokes += 1
        response = self.client.post(
            self.save_path,
            {
                "base_revision": self.revision,
                "save_id": str(uuid.uuid4()),
                "key_partners": f"องค์การบริหารส่วนตำบล โรงเรียนในตำบล ครั้งที่ {self.keystrokes}",
            },
            headers={
                "X-CSRFToken": self.csrf,
                "X-Autosave": "1",
                "Referer": self.host + self.save_path,
            },
            name="autosave",
        )
        if response.ok:
            self.revision = response.json()["revision"]
