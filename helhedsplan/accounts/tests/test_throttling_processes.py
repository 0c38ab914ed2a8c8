"""Login throttling is shared by all app processes: two gunicorn processes on one database,
failures spread over both, and the account is locked after five in total."""

import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from django.db import connection

# Committed data (the user) must be visible to the server processes; the flush afterwards
# removes the data migrations' rows, which serialized rollback puts back.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "the-right-password-1"
STARTUP_SECONDS = 60  # a loaded CI machine; it takes about 3 s


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def shared_database_url(tmp_path: Path) -> str:
    """A database the test and both server processes see."""
    if connection.vendor == "sqlite":  # the test database is in memory: copy it to a file
        path = tmp_path / "shared.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(path) as target:
            connection.connection.backup(target)
        return f"sqlite:///{path}"
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
        return f"postgres://{credentials}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    pytest.skip(f"no shared database for {connection.vendor}")


def start_server(port: int, database_url: str, log: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "helhedsplan.accounts.tests.process_settings",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        "helhedsplan.wsgi",
        "--workers=1",
        "--preload",  # the port opens once the app is loaded
        f"--bind=127.0.0.1:{port}",
        "--timeout=30",
        "--no-control-socket",
    ]
    return subprocess.Popen(
        command, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True
    )


def wait_until_up(port: int, server: subprocess.Popen, deadline: float) -> None:
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"server on port {port} exited with {server.returncode}")
        try:
            requests.get(f"http://127.0.0.1:{port}/healthz", timeout=10)
            return
        except requests.RequestException:
            time.sleep(0.2)
    raise AssertionError(f"server on port {port} did not start in {STARTUP_SECONDS} s")


def log_in(port: int, login: str, password: str) -> requests.Response:
    session = requests.Session()
    form = session.get(f"http://127.0.0.1:{port}/accounts/login/", timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    return session.post(
        f"http://127.0.0.1:{port}/accounts/login/",
        {"csrfmiddlewaretoken": token, "login": login, "password": password},
        headers={"Referer": f"http://127.0.0.1:{port}/accounts/login/"},
        allow_redirects=False,
        timeout=10,
    )


def test_failures_spread_over_two_processes_lock_the_account_after_five(
    django_user_model, settings, tmp_path
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    django_user_model.objects.create_user("shared", password=PASSWORD)
    database_url = shared_database_url(tmp_path)
    ports = [free_port(), free_port()]
    servers = [start_server(port, database_url, tmp_path / f"server-{port}.log") for port in ports]
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        for port, server in zip(ports, servers, strict=True):
            wait_until_up(port, server, deadline)

        failures = [log_in(ports[n % 2], "shared", "wrong").status_code for n in range(5)]
        right = log_in(ports[1], "shared", PASSWORD)
        other = log_in(ports[0], "SHARED", PASSWORD)

        assert failures == [200, 200, 200, 200, 429]  # the fifth, wherever it lands, locks
        assert right.status_code == 429
        assert other.status_code == 429
    finally:
        for server in servers:
            if server.poll() is None:
                os.killpg(server.pid, signal.SIGTERM)
        for server in servers:
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
