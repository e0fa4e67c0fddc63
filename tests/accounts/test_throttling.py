"""Password guessing is limited per account and address together, never per address alone."""

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

PHONE = "+66812345678"
LOCKED_WORDS = "ลองใหม่"


def _sign_in(client, username, password, address="10.1.1.1"):
    return client.post(
        reverse("accounts:login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def _guess_wrong(client, username, times=None, address="10.1.1.1"):
    for _attempt in range(times or settings.AXES_FAILURE_LIMIT):
        _sign_in(client, username, "not-the-password", address)


@pytest.fixture
def somsak():
    return UserFactory(username="somsak", phone=PHONE)


def test_it_allows_a_few_mistakes(client, somsak):
    _guess_wrong(client, "somsak", times=settings.AXES_FAILURE_LIMIT - 1)
    response = _sign_in(client, "somsak", TEST_PASSWORD)
    assert response.status_code == 302
    assert response.wsgi_request.user == somsak


def test_repeated_wrong_passwords_lock_the_account_from_that_address(client, somsak):
    _guess_wrong(client, "somsak")
    response = _sign_in(client, "somsak", TEST_PASSWORD)
    assert response.status_code == 429
    assert not response.wsgi_request.user.is_authenticated
    page = response.content.decode()
    assert "นาที" in page and LOCKED_WORDS in page
    # The form stays beside the message, with the name the person typed.
    assert 'name="password"' in page
    assert 'value="somsak"' in page


def test_every_spelling_of_the_phone_counts_as_one_account(client, somsak):
    for typed in ["081-234-5678", "0812345678", "+66812345678", "081 234 5678", "+66812345678"]:
        _sign_in(client, typed, "not-the-password")
    response = _sign_in(client, "0812345678", TEST_PASSWORD)
    assert response.status_code == 429
    assert not response.wsgi_request.user.is_authenticated


def test_the_username_in_other_letter_case_counts_as_one_account(client, somsak):
    for typed in ["somsak", "SOMSAK", "Somsak", " somsak ", "sOmSaK"]:
        _sign_in(client, typed, "not-the-password")
    assert _sign_in(client, "somsak", TEST_PASSWORD).status_code == 429


def test_another_address_for_the_same_account_is_not_locked(client, somsak):
    _guess_wrong(client, "somsak", address="10.1.1.1")
    response = _sign_in(client, "somsak", TEST_PASSWORD, address="10.2.2.2")
    assert response.status_code == 302
    assert response.wsgi_request.user == somsak


def test_another_account_from_the_same_address_is_not_locked(client, somsak):
    """A whole district behind one carrier address must not be locked out by one guesser."""
    neighbour = UserFactory(username="malee", phone="+66898765432")
    _guess_wrong(client, "somsak", address="10.1.1.1")
    response = _sign_in(client, "089-876-5432", TEST_PASSWORD, address="10.1.1.1")
    assert response.status_code == 302
    assert response.wsgi_request.user == neighbour


def test_the_address_behind_a_trusted_proxy_is_the_forwarded_one(client, somsak, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("accounts:login"),
            {"username": "somsak", "password": "wrong"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7",
        )
    other_phone = client.post(
        reverse("accounts:login"),
        {"username": "somsak", "password": TEST_PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.9",
    )
    assert other_phone.status_code == 302


def test_the_cool_off_is_a_quarter_of_an_hour():
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 15 * 60
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


def test_the_admin_sign_in_is_throttled_too(client, somsak):
    somsak.is_staff = True
    somsak.save()
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "somsak", "password": "wrong"})
    response = client.post("/admin/login/", {"username": "somsak", "password": TEST_PASSWORD})
    assert response.status_code == 429


def test_a_password_check_without_a_request_is_not_throttled(client, somsak):
    """The test client's login() and management commands have no address to count."""
    _guess_wrong(client, "somsak", address="127.0.0.1")
    assert client.login(username="somsak", password=TEST_PASSWORD)
