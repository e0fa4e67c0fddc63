"""Signing in to the portal over HTTP, as a browser does, for the benchmark's own requests."""

import re
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class _StayOnRedirect(urllib.request.HTTPRedirectHandler):
    """Sign in without following the redirect to the home page.

    Following it would add a request for the home page to the server's log while a
    page is being measured, and the benchmark counts that page's requests in the log.
    """

    def redirect_request(self, *args, **kwargs):
        return None


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
        post_only = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(jar), _StayOnRedirect
        )
        request = urllib.request.Request(sign_in, data=data, headers={"Referer": sign_in})
        try:
            post_only.open(request)
        except urllib.error.HTTPError as answer:
            if answer.code != 302:
                raise
    return opener, jar
