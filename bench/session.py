"""Signing in to the portal over HTTP, as a browser does, for the benchmark's own requests."""

import re
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def signed_in_opener(host: str, login: str = "", password: str = ""):
    """A urllib opener with its cookie jar, signed in when a login is given."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    if login:
        sign_in = host + "/accounts/login/"
        token = CSRF_INPUT.search(opener.open(sign_in).read().decode()).group(1)
        data = urllib.parse.urlencode(
            {"username": login, "password": password, "csrfmiddlewaretoken": token}
        ).encode()
        opener.open(urllib.request.Request(sign_in, data=data, headers={"Referer": sign_in}))
    return opener, jar
