"""A real worker process (`helhedsplan worker`) on the test database, for the task-queue tests.

On PostgreSQL the worker connects to the test database itself. SQLite's test database lives
in the test's memory, so it is copied to a file for the worker and copied back afterwards
(`export()` before a worker runs, `take_back()` after it).
"""

import contextlib
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

PROJECT_DIR = Path(__file__).resolve().parents[3]
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class WorkerDatabase:
    def __init__(self, directory: Path):
        self.sqlite = connection.vendor == "sqlite"
        self.file = directory / "worker.sqlite3"

    @property
    def url(self) -> str:
        if self.sqlite:
            return f"sqlite:///{self.file}"
        s = connection.settings_dict
        return f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"

    def export(self) -> None:
        """Let the worker see what the test has written."""
        if self.sqlite:
            connection.ensure_connection()
            self.file.unlink(missing_ok=True)
            with contextlib.closing(sqlite3.connect(self.file)) as target:
                connection.connection.backup(target)

    def take_back(self) -> None:
        """Let the test see what the worker has written."""
        if self.sqlite:
            with contextlib.closing(sqlite3.connect(self.file)) as source:
                source.backup(connection.connection)

    def command(self, *options: str) -> list[str]:
        return [sys.executable, "-m", "helhedsplan", "worker", "--no-reload", *options]

    def environment(self) -> dict:
        return {
            **os.environ,
            "DATABASE_URL": self.url,
            "DJANGO_SETTINGS_MODULE": "helhedsplan.settings",
            "HELHEDSPLAN_TASKS": "database",
        }

    def run_batch(self) -> subprocess.CompletedProcess:
        """Run every queued task in a worker process that stops when the queue is empty."""
        self.export()
        done = subprocess.run(
            self.command("--batch", "--no-startup-delay"),
            cwd=PROJECT_DIR,
            env=self.environment(),
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        self.take_back()
        return done

    def start(self) -> subprocess.Popen:
        """A worker process that waits for tasks until it is stopped (export() first)."""
        return subprocess.Popen(
            self.command("--interval", "0.1", "--no-startup-delay"),
            cwd=PROJECT_DIR,
            env=self.environment(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )

    def query(self, sql: str, params=()) -> list[tuple]:
        """Read what the worker has committed so far (SQLite: from its file)."""
        if self.sqlite:
            with contextlib.closing(sqlite3.connect(self.file, timeout=30)) as db:
                return db.execute(sql.replace("%s", "?"), params).fetchall()
        with connection.cursor() as cursor:
            cursor.execute(sql, params or None)
            return cursor.fetchall()

    def wait_for(self, sql: str, params=(), timeout=120.0) -> list[tuple]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            rows = self.query(sql, params)
            if rows:
                return rows
            time.sleep(0.05)
        pytest.fail(f"the worker never got to: {sql}")

    @contextlib.contextmanager
    def lock(self, table: str, pk: int):
        """Hold a write lock another connection's write of row `pk` of `table` waits for
        (PostgreSQL: that row; SQLite: the whole database)."""
        if self.sqlite:
            with contextlib.closing(sqlite3.connect(self.file, isolation_level=None)) as db:
                db.execute("BEGIN IMMEDIATE")
                yield
                db.execute("ROLLBACK")
            return
        import psycopg

        with psycopg.connect(self.url.replace("postgres://", "postgresql://")) as db:
            db.execute(f"SELECT 1 FROM {table} WHERE id = %s FOR UPDATE", [pk])
            yield
            db.rollback()

    def wait_until_a_write_waits(self) -> None:
        """Until the worker waits for the lock held by lock() (PostgreSQL: seen in
        pg_stat_activity; SQLite cannot show it: a second is given)."""
        if self.sqlite:
            time.sleep(1)
            return
        self.wait_for(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock' AND query LIKE 'UPDATE%'",
            timeout=60,
        )

    def sessions(self) -> set:
        """The database sessions open now (PostgreSQL; SQLite has none)."""
        if self.sqlite:
            return set()
        sql = "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
        return {row[0] for row in self.query(sql)}

    def wait_until_no_worker_is_connected(self, pids_before: set) -> None:
        """A killed worker's PostgreSQL session ends (rolling back) once it sees the client
        gone; wait for that, so the test reads what is committed."""
        if self.sqlite:
            return
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if not (self.sessions() - pids_before):
                return
            time.sleep(0.1)
        pytest.fail("the killed worker's database session did not end")
