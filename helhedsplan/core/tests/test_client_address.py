"""The client's address: X-Forwarded-For believed only as far as trusted proxies wrote it."""

import os
import subprocess
import sys

import pytest
from django.test import RequestFactory, override_settings

from helhedsplan.core.client import client_address, parse_address

factory = RequestFactory()


def request_from(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return factory.get("/", **extra)


@override_settings(TRUSTED_PROXIES=[])
def test_a_spoofed_header_is_ignored_without_trusted_proxies():
    request = request_from("203.0.113.9", '=HYPERLINK("http://evil"), 10.0.0.1')

    assert client_address(request) == "203.0.113.9"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
def test_a_header_from_an_untrusted_connection_is_ignored():
    request = request_from("203.0.113.9", "198.51.100.7")

    assert client_address(request) == "203.0.113.9"


@override_settings(TRUSTED_PROXIES=["10.0.0.2"])
def test_behind_a_trusted_proxy_the_real_client_is_taken():
    request = request_from("10.0.0.2", "198.51.100.7")

    assert client_address(request) == "198.51.100.7"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
def test_what_the_client_wrote_left_of_its_own_address_is_not_believed():
    # The client sent "X-Forwarded-For: 192.0.2.1"; the proxy appended the real address.
    request = request_from("10.0.0.2", "192.0.2.1, 198.51.100.7")

    assert client_address(request) == "198.51.100.7"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8", "2001:db8::/32"])
def test_a_chain_of_trusted_proxies_is_walked_from_the_right():
    request = request_from("10.0.0.2", "198.51.100.7, 2001:db8::5, 10.1.2.3")

    assert client_address(request) == "198.51.100.7"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
def test_garbage_from_behind_a_trusted_proxy_is_never_taken_as_an_address():
    for forwarded in ('=HYPERLINK("http://evil")', "unknown", "1.2.3.999", "x" * 10_000):
        request = request_from("10.0.0.2", forwarded)

        assert client_address(request) is None, forwarded


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
def test_the_proxy_itself_is_the_client_when_it_sends_no_header():
    assert client_address(request_from("10.0.0.2")) == "10.0.0.2"


@override_settings(TRUSTED_PROXIES=[])
def test_a_connection_without_a_valid_address_has_none():
    assert client_address(request_from("not-an-address")) is None
    assert client_address(None) is None


def test_addresses_are_read_in_the_forms_proxies_write_them():
    assert str(parse_address("192.0.2.1:8080")) == "192.0.2.1"
    assert str(parse_address("[2001:db8::1]:443")) == "2001:db8::1"
    assert str(parse_address("::ffff:192.0.2.1")) == "192.0.2.1"
    assert str(parse_address(" 2001:DB8::1 ")) == "2001:db8::1"
    assert parse_address("") is None
    assert parse_address("192.0.2") is None


def test_a_typo_in_the_trusted_proxies_stops_the_start():
    env = {**os.environ, "HELHEDSPLAN_TRUSTED_PROXIES": "10.0.0.1,10.0.0.300"}

    result = subprocess.run(
        [sys.executable, "-c", "import helhedsplan.settings"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode != 0
    assert "10.0.0.300" in result.stderr


@pytest.mark.parametrize("remote", ["10.0.0.2", "2001:db8::9"])
@override_settings(TRUSTED_PROXIES=["10.0.0.2", "2001:db8::/64"])
def test_ipv4_and_ipv6_proxies_are_both_trusted(remote):
    assert client_address(request_from(remote, "2001:db8:1::7")) == "2001:db8:1::7"
