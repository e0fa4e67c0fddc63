"""The simulated users of the benchmark, run by locust from `bench/run.py`.

PageUser: one page under load. Signs in as the page's role, then requests
the page again and again. The target comes from BENCH_TARGET (JSON written
by `manage.py bench_targets`): name, method, path, login, password, and for
the autosave the canvases to type into. With BENCH_REQUESTS=N the page gets
exactly N requests in all and locust stops by itself, so a run is the same
on a fast or a loaded machine; without it, locust's `-t` bounds the run.
With BENCH_FLOOR (the signed-in floor's target) each user also signs in as
the floor's user and asks the floor and the page in turn (N requests of
each), so both are timed on the machine as it is at the same moments.

LeaderUser: one leader typing into a canvas and autosaving, for the
autosave check (`bench/autosave_check.py`) and the capacity run
(`bench/capacity.py`, which uses FastLeaderUser: the same leader on locust's
cheaper HTTP client, so that the load generator, on the same two cores,
takes less of them). The plan comes from the JSON file
named by BENCH_CHECK_FILE:
the leaders (login, canvas, the blocks each types into, their texts), either
a fixed number of saves per leader or a typing time, the pause between
saves, and the file where every acknowledged save is written, one JSON line
each, for the check against the database afterwards. A leader whose plan
carries `cookies` (bench/presigned.py) is already signed in and skips the
form; with `stagger` each leader's first save falls at a random moment of the
first pause, as leaders who did not all start typing in the same second.
"""

import itertools
import json
import os
import random
import re
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

import gevent
from gevent.event import Event
from locust import FastHttpUser, HttpUser, constant, events, task
from locust.clients import HttpSession
from locust.exception import StopUser

TARGET = json.loads(os.environ.get("BENCH_TARGET") or "{}")
FLOOR = json.loads(os.environ.get("BENCH_FLOOR") or "{}")
# The check's plan is a file: fifty leaders' texts outgrow what an environment variable may hold.
CHECK = (
    json.loads(Path(os.environ["BENCH_CHECK_FILE"]).read_text(encoding="utf-8"))
    if os.environ.get("BENCH_CHECK_FILE")
    else {}
)
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
USER_NUMBERS = itertools.count()
ALL_DONE = Event()


class Quota:
    """Exactly `total` requests, shared by all simulated users of this run."""

    total = int(os.environ.get("BENCH_REQUESTS") or 0)
    started = 0
    finished = 0

    @classmethod
    def take(cls) -> int:
        """The request's number (1, 2, …), or 0 when the quota is spent."""
        if cls.started >= cls.total:
            return 0
        cls.started += 1
        return cls.started

    @classmethod
    def done_one(cls):
        cls.finished += 1
        if cls.finished >= cls.total:
            ALL_DONE.set()


@events.test_start.add_listener
def _quit_when_all_done(environment, **_kwargs):
    """Counted runs end when their work is done, not when a clock says so."""

    def wait_then_quit():
        ALL_DONE.wait()
        environment.runner.quit()

    if Quota.total or CHECK:
        gevent.spawn(wait_then_quit)


CLIENT_TIMES = os.environ.get("BENCH_CLIENT_TIMES")


@events.request.add_listener
def _write_client_time(name, response_time, exception=None, **_kwargs):
    """Each counted request's time as this client saw it, one line each, for `bench/run.py`
    (locust's own statistics file can be written before the last requests are counted)."""
    if CLIENT_TIMES and TARGET and name == TARGET["name"] and exception is None:
        with open(CLIENT_TIMES, "a", encoding="utf-8") as times:
            times.write(f"{response_time:.2f}\n")


def sign_in(client, login, password) -> str:
    """Sign in through the form, as a browser does; returns the CSRF token for posts."""
    page = client.get("/accounts/login/", name="(sign in)")
    token = CSRF_INPUT.search(page.text).group(1)
    credentials = {"username": login, "password": password, "csrfmiddlewaretoken": token}
    # Not following the redirect: the page it leads to may be the page being counted.
    client.post("/accounts/login/", credentials, name="(sign in)", allow_redirects=False)
    return client.cookies.get("csrftoken", "")


def autosave_headers(user, path):
    return {"X-CSRFToken": user.csrf, "X-Autosave": "1", "Referer": user.host + path}


FORM = "application/x-www-form-urlencoded"


class SignedIn:
    """The page users start asking together, once all have signed in: otherwise the first
    pages wait behind the others' password checks, and the client's times say so."""

    count = 0
    all = Event()

    @classmethod
    def arrive_and_wait(cls, expected: int):
        cls.count += 1
        if cls.count >= expected:
            cls.all.set()
        cls.all.wait(timeout=120)


class PageUser(HttpUser):
    wait_time = constant(0)

    def on_start(self):
        self.csrf = ""
        if TARGET.get("login"):
            self.csrf = sign_in(self.client, TARGET["login"], TARGET["password"])
        self.floor_next = True
        if FLOOR:  # a session of its own: the floor's user, whoever the page's is
            self.floor_client = HttpSession(self.host, self.environment.events.request, user=self)
            sign_in(self.floor_client, FLOOR["login"], FLOOR["password"])
        SignedIn.arrive_and_wait(self.environment.runner.target_user_count)
        if TARGET["name"] == "autosave":
            # Each simulated leader types into a canvas of their own, as real ones do.
            canvases = TARGET["canvases"]
            mine = canvases[next(USER_NUMBERS) % len(canvases)]
            self.save_path, self.revision = mine["path"], mine["revision"]
            self.keystrokes = 0

    @task
    def page(self):
        number = Quota.take() if Quota.total else 0
        if Quota.total and not number:
            raise StopUser()
        # Floor and page in turn: by the run's count when counted (exactly half each),
        # else by this user's own.
        floor_now = bool(FLOOR) and (number % 2 == 1 if number else self.floor_next)
        self.floor_next = not self.floor_next
        try:
            if floor_now:
                self.floor_client.get(FLOOR["path"], name=FLOOR["name"])
            elif TARGET["name"] == "autosave":
                self.autosave()
            else:
                self.client.get(TARGET["path"], name=TARGET["name"])
        finally:
            if Quota.total:
                Quota.done_one()

    def autosave(self):
        """What the editor sends a few seconds after typing stops: one block, its own id."""
        self.keystrokes += 1
        response = self.client.post(
            self.save_path,
            {
                "base_revision": self.revision,
                "save_id": uuid.uuid4().hex,
                "key_partners": f"องค์การบริหารส่วนตำบล โรงเรียนในตำบล ครั้งที่ {self.keystrokes}",
            },
            headers=autosave_headers(self, self.save_path),
            name="autosave",
        )
        if response.ok:
            self.revision = response.json()["revision"]


def merged_texts(merged) -> dict:
    """{block key: text} from the answer's blocks that others changed."""
    return {item["key"]: item["text"] for item in merged or []}


class Leaders:
    """How many simulated leaders are still typing; the run ends when none is."""

    typing = len(CHECK.get("leaders", []))
    acks = None

    @classmethod
    def record(cls, row: dict):
        if cls.acks is None:
            cls.acks = open(CHECK["acks"], "a", encoding="utf-8")  # noqa: SIM115
        cls.acks.write(json.dumps(row, ensure_ascii=False) + "\n")
        cls.acks.flush()

    @classmethod
    def finished(cls):
        cls.typing -= 1
        if cls.typing <= 0:
            ALL_DONE.set()


class LeaderTyping:
    """A leader typing Thai words into their blocks, autosaving after each pause.

    Sends the full text of the block just typed in, from the revision last
    answered; adopts the texts the answer says others changed; resends a save
    that got no answer with the same save id. Every acknowledged save (saved
    or already saved) is written to the acknowledgement file.
    """

    wait_time = constant(0)

    def on_start(self):
        number = next(USER_NUMBERS)
        plan = CHECK["leaders"][number]
        self.plan = plan
        self.cookie_header = {}
        if plan.get("cookies"):  # signed in earlier (bench/presigned.py)
            self.csrf = plan["cookies"]["csrftoken"]
            self.cookie_header = {
                "Cookie": "; ".join(f"{name}={value}" for name, value in plan["cookies"].items())
            }
        else:
            try:
                self.csrf = sign_in(self.client, plan["login"], plan["password"])
            except Exception as error:  # a leader who cannot sign in types nothing
                Leaders.record({"state": "error", "status": str(error), "canvas": plan["canvas"]})
                Leaders.finished()
                raise StopUser() from error
        self.path = plan["path"]
        self.revision = plan["revision"]
        self.texts = dict(plan["texts"])
        self.phrases = plan["phrases"]
        self.max_chars = CHECK["max_chars"]
        self.saves = 0
        if CHECK.get("stagger") and CHECK.get("pause"):
            gevent.sleep(random.Random(number).uniform(0, CHECK["pause"]))
        self.typing_until = time.monotonic() + CHECK["seconds"] if CHECK.get("seconds") else None

    def _done(self) -> bool:
        if CHECK.get("saves_per_leader"):
            return self.saves >= CHECK["saves_per_leader"]
        return time.monotonic() >= self.typing_until

    def type_and_autosave(self):
        if self._done():
            Leaders.finished()
            raise StopUser()
        # A few saves in one block before moving on, so later saves supersede earlier ones.
        blocks = self.plan["blocks"]
        key = blocks[(self.saves // CHECK["saves_per_block"]) % len(blocks)]
        word = self.phrases[key][self.saves % len(self.phrases[key])]
        text = f"{self.texts.get(key, '')} {word}".strip()
        if len(text) > self.max_chars:  # a long block is rewritten, not grown past the limit
            text = word
        self.saves += 1
        began = time.monotonic()
        self.save(key, text)
        if CHECK.get("pause"):  # one autosave every `pause` seconds, as the editor's timer
            gevent.sleep(max(0.0, CHECK["pause"] - (time.monotonic() - began)))

    def save(self, key, text):
        save_id = uuid.uuid4().hex
        data = urlencode({"base_revision": self.revision, "save_id": save_id, key: text})
        headers = {**autosave_headers(self, self.path), **self.cookie_header, "Content-Type": FORM}
        for _attempt in range(CHECK.get("resends", 3) + 1):
            began = time.monotonic()
            with self.client.post(
                self.path,
                data=data,
                headers=headers,
                name="autosave (leaders)",
                catch_response=True,
            ) as response:
                ms = round((time.monotonic() - began) * 1000, 2)
                if response.status_code == 200:
                    break
                if response.status_code == 409:
                    response.failure("conflict")
                    break
                if response.status_code in (0, 502, 503, 504):
                    response.failure(f"no answer ({response.status_code}), resent")
                    continue
                response.failure(f"HTTP {response.status_code}")
                status = response.status_code
                Leaders.record({"state": "error", "status": status, "canvas": self.plan["canvas"]})
                return
        else:
            Leaders.record({"state": "unanswered", "canvas": self.plan["canvas"], "block": key})
            return
        answer = response.json()
        self.revision = answer.get("revision", self.revision)
        if answer.get("state") == "conflict":
            # Only possible if someone else changed this leader's own block: counted as such.
            for conflict in answer.get("conflicts", []):
                self.texts[conflict["key"]] = conflict["theirs"]
            Leaders.record({"state": "conflict", "canvas": self.plan["canvas"], "block": key})
            return
        self.texts[key] = text
        merged = merged_texts(answer.get("merged"))
        self.texts.update(merged)
        Leaders.record(
            {
                "state": answer["state"],
                "canvas": self.plan["canvas"],
                "block": key,
                "text": text,
                "save_id": save_id,
                "revision": answer["revision"],
                "merged": len(merged),
                "ms": ms,
            }
        )


class LeaderUser(LeaderTyping, HttpUser):
    """The autosave check's leader (python-requests client, signs in through the form)."""

    @task
    def type_and_autosave(self):
        LeaderTyping.type_and_autosave(self)


class FastLeaderUser(LeaderTyping, FastHttpUser):
    """The capacity run's leader: the same typing on locust's cheaper client (presigned only)."""

    @task
    def type_and_autosave(self):
        LeaderTyping.type_and_autosave(self)
