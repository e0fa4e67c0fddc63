"""A download timed as a browser meets it: time to first byte, and to the last one.

The canvases export streams its CSV (StreamingHttpResponse): the first rows
should arrive long before the last. `requests` with `stream=True` returns as
soon as the headers are in; the first body chunk then gives the time to first
byte, reading to the end the total time.
"""

import re
import time

import requests

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def signed_in_session(host: str, login: str, password: str) -> requests.Session:
    session = requests.Session()
    sign_in = host + "/accounts/login/"
    token = CSRF_INPUT.search(session.get(sign_in, timeout=60).text).group(1)
    session.post(
        sign_in,
        {"username": login, "password": password, "csrfmiddlewaretoken": token},
        headers={"Referer": sign_in},
        timeout=60,
    )
    return session


def time_download(session: requests.Session, url: str) -> dict:
    """One download; a stream cut short (e.g. the worker killed at gunicorn's timeout) is an
    error with what had arrived, not the end of the run."""
    began = time.perf_counter()
    first_at = None
    size = lines = 0
    broken = ""
    with session.get(url, stream=True, timeout=600) as response:
        headers_at = time.perf_counter()
        try:
            # As the chunks arrive, un-gzipped.
            for chunk in response.iter_content(chunk_size=None):
                if first_at is None:
                    first_at = time.perf_counter()
                size += len(chunk)
                lines += chunk.count(b"\n")
        except requests.RequestException as error:
            broken = f"{type(error).__name__}: {error}"
        done = time.perf_counter()
    first_at = first_at or done
    return {
        "status": 599 if broken else response.status_code,
        "broken": broken,
        "streamed": "Content-Length" not in response.headers,
        "headers_ms": round((headers_at - began) * 1000, 1),
        "ttfb_ms": round((first_at - began) * 1000, 1),
        "total_ms": round((done - began) * 1000, 1),
        "bytes": size,
        "rows": max(0, lines - 1),  # less the header line
    }


def measure_export(host: str, target: dict, repeats: int) -> dict:
    """`repeats` downloads one after another; the slowest of each figure is reported too."""
    session = signed_in_session(host, target["login"], target["password"])
    runs = [time_download(session, host + target["path"]) for _ in range(repeats)]
    ttfb = sorted(run["ttfb_ms"] for run in runs)
    total = sorted(run["total_ms"] for run in runs)
    return {
        "name": target["name"],
        "role": target.get("role", ""),
        "note": target.get("note", ""),
        "downloads": len(runs),
        "errors": sum(1 for run in runs if run["status"] >= 400),
        "streamed": all(run["streamed"] for run in runs),
        "ttfb_ms_median": ttfb[len(ttfb) // 2],
        "ttfb_ms_max": ttfb[-1],
        "total_ms_median": total[len(total) // 2],
        "total_ms_max": total[-1],
        "broken": [run["broken"] for run in runs if run["broken"]],
        "bytes": runs[-1]["bytes"],
        "rows": runs[-1]["rows"],
        "runs": runs,
    }
