"""Two app servers, one database: what a load balancer needs from the portal.

`bench/run.py` starts a second gunicorn on another port against the same
database. A leader signs in on the first server, autosaves on the second with
the first one's session and CSRF cookies, and reads the editor back on the
first: the session (in the database), the CSRF token (same SECRET_KEY) and the
save (in the database) must all carry across. Then the leader signs out on the
second and the first must no longer know them. Each step is a line PASS/FAIL.
"""

import json
import secrets
import urllib.error
import urllib.parse
import urllib.request

from bench.session import signed_in_opener


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _status(opener, request) -> tuple[int, str, str]:
    try:
        with opener.open(request) as response:
            return response.status, response.read().decode(), response.headers.get("Location", "")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace"), error.headers.get("Location", "")


def run_two_server_check(first: str, second: str, target: dict) -> dict:
    """`target`: login, password, the editor and autosave paths of one canvas, its revision
    and a block to write."""
    _signed_in, jar = signed_in_opener(first, target["login"], target["password"])
    # The same cookies, redirects not followed: a 302 to the sign-in page must show as one.
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect())
    csrf = next((c.value for c in jar if c.name == "csrftoken"), "")
    steps = []

    def step(name, passed, detail=""):
        steps.append({"step": name, "passed": bool(passed), "detail": detail})

    status, _body, _ = _status(opener, first + target["editor"])
    step("signed in on the first server, editor opens there", status == 200, f"HTTP {status}")
    status, _body, location = _status(opener, second + target["editor"])
    step("the same session opens the editor on the second", status == 200, f"HTTP {status}")

    text = f"บันทึกผ่านเครื่องที่สอง {secrets.token_hex(4)}"
    fields = {"base_revision": target["revision"], "save_id": secrets.token_hex(16)}
    data = urllib.parse.urlencode({**fields, target["block"]: text}).encode()
    save = urllib.request.Request(
        second + target["autosave"],
        data=data,
        headers={"X-CSRFToken": csrf, "X-Autosave": "1", "Referer": second + target["editor"]},
    )
    status, body, _ = _status(opener, save)
    try:
        state = json.loads(body).get("state")
    except ValueError:
        state = None
    step(
        "autosave on the second with the first's CSRF token",
        status == 200 and state in ("saved", "already_saved"),
        f"HTTP {status}, {state}",
    )
    status, body, _ = _status(opener, first + target["editor"])
    step("the save reads back on the first", status == 200 and text in body, f"HTTP {status}")

    sign_out = urllib.request.Request(
        second + "/accounts/logout/",
        data=urllib.parse.urlencode({"csrfmiddlewaretoken": csrf}).encode(),
        headers={"X-CSRFToken": csrf, "Referer": second + "/"},
    )
    _status(opener, sign_out)
    status, _body, location = _status(opener, first + target["editor"])
    step(
        "signed out on the second, the first asks to sign in",
        status == 302 and "/accounts/login/" in location,
        f"HTTP {status} → {location}",
    )
    return {"servers": [first, second], "passed": all(s["passed"] for s in steps), "steps": steps}


def print_two_server_check(report: dict):
    print(f"two servers, one database ({' and '.join(report['servers'])}):")
    for s in report["steps"]:
        print(f"  {'PASS' if s['passed'] else 'FAIL'}  {s['step']} ({s['detail']})")
