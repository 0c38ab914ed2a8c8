"""The national-scale benchmarks of issue 7, each as a ratio to a baseline from the same run.

    .venv/bin/python bench/run.py [--scale 0.05] [--skip-report] [--only NAME ...]

Recreates the PostgreSQL database `hp_bench` on 127.0.0.1:5432 (BENCH_DATABASE_URL to change),
migrates it, generates the synthetic national dataset at --scale
(`bench/generate_national.py`), then measures:

1. import: a new year of observations for every department (40 indicators) through
   monitoring's import (the API's upload path), against PostgreSQL COPY of the same rows;
2. classification: every area and list year through lists' engine (classify_stored), against the
   same classification as one SQL query (bench/classification.sql);
3. pages: plan overview, department page and needs matrix, requests spread over every plan and
   department, served by gunicorn on loopback (its processes sharing one cache,
   BENCH_CACHE_URL, Redis by default) to 20 concurrent clients: median and p95 warm, and with
   every 10th request right after a write to the plan it asks for; beside them the first
   request after a write, the first in a new process, the cold path's queries (replayed on one
   connection), the workers' memory, and /healthz under the same load as the floor of this
   machine at that moment;
4. the full monitoring report (bench/report_bench.py, the reports benchmark), if present.

Writes bench/results/<UTC date>.json.
"""

import argparse
import datetime
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))
DATABASE = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/hp_bench")
PORT = int(os.environ.get("BENCH_PORT", "8765"))
ENVIRONMENT = {
    # Shared by the gunicorn processes and this one (the production shape).
    "HELHEDSPLAN_CACHE_URL": os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/11"),
    "DATABASE_URL": DATABASE,
    "DJANGO_SETTINGS_MODULE": "helhedsplan.settings",
    "HELHEDSPLAN_DEBUG": "0",
    "HELHEDSPLAN_SSL_REDIRECT": "0",
    "HELHEDSPLAN_SECRET_KEY": "benchmark-only-key-" + "x" * 40,
    "HELHEDSPLAN_DATA_DIR": "/tmp/helhedsplan-bench",
    "HELHEDSPLAN_LOG_LEVEL": "WARNING",
}
HELHEDSPLAN = str(ROOT / ".venv" / "bin" / "helhedsplan")


def step(text):
    print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)


def recreate_database():
    import psycopg

    name = DATABASE.rsplit("/", 1)[1]
    with psycopg.connect(DATABASE.rsplit("/", 1)[0] + "/postgres", autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')
        db.execute(f'CREATE DATABASE "{name}"')


def prepare(scale: float, reuse: bool = False) -> dict:
    os.environ.update(ENVIRONMENT)
    if reuse:
        return reused(scale)
    step(f"recreating {DATABASE}")
    recreate_database()
    subprocess.run([HELHEDSPLAN, "migrate", "-v0"], check=True)
    subprocess.run([HELHEDSPLAN, "collectstatic", "--noinput", "-v0"], check=True)
    step(f"generating the national dataset at scale {scale}")
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, str(BENCH / "generate_national.py"), "--scale", str(scale)], check=True
    )
    generated = time.perf_counter() - started
    subprocess.run(
        [
            HELHEDSPLAN,
            "shell",
            "--no-imports",
            "-c",
            "from django.db import connection; connection.cursor().execute('VACUUM ANALYZE')",
        ],
        check=True,
    )
    return dataset(scale, generate_s=generated)


def reused(scale: float) -> dict:
    """The dataset a previous run generated (--reuse: for measuring again while working)."""
    described = dataset(scale, reused=True)
    from helhedsplan.plans.models import Plan

    if not Plan.objects.filter(slug__startswith="syntetisk-").exists():
        sys.exit(f"--reuse: {DATABASE} holds no generated dataset; run without --reuse first")
    return described


def dataset(scale: float, **more) -> dict:
    """Sets Django up on the benchmark database and describes the dataset at `scale`."""
    import django

    django.setup()
    from bench.national import Sizes

    sizes = Sizes.at(scale)
    return {"scale": scale, **vars(sizes), "observations": sizes.observations, **more}


def timed(function, *args):
    started = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - started, result


def import_benchmark() -> dict:
    """A new year (2024) for every department and indicator, plus the municipality's rows."""
    from django.db import connection, transaction

    from helhedsplan.api.observations import ObservationIn, as_long_file
    from helhedsplan.monitoring.actions import import_observations
    from helhedsplan.monitoring.catalogue import definitions_for
    from helhedsplan.monitoring.layouts import load_layout
    from helhedsplan.monitoring.models import ImportBatch
    from helhedsplan.monitoring.periods import PeriodType, containing
    from helhedsplan.plans.models import Plan

    layout = load_layout("long")
    plans = list(Plan.objects.filter(slug__startswith="syntetisk-").select_related("municipality"))
    files, copy_rows, count = {}, [], 0
    for plan in plans:
        definitions = list(definitions_for(plan).filter(observations__plan=plan).distinct())
        periods = {
            d.pk: containing(datetime.date(2024, 3, 1), PeriodType(d.period_type), 8)
            for d in definitions
        }
        rows = []
        subjects = [(d, f"department:{d.key}", d.key) for d in plan.departments.all()]
        subjects.append((None, f"municipality:{plan.municipality.name}", plan.municipality.name))
        for department, subject_key, text in subjects:
            for number, definition in enumerate(definitions):
                period = periods[definition.pk]
                value = f"{(number * 7 + len(text)) % 90}.5"
                rows.append(
                    ObservationIn(
                        department=text if department else None,
                        subject=None if department else text,
                        indicator=definition.key,
                        period=period.label,
                        value=value,
                    )
                )
                copy_rows.append(
                    (
                        plan.pk,
                        definition.pk,
                        "department" if department else "municipality",
                        department.pk if department else None,
                        "" if department else text,
                        subject_key,
                        period.type,
                        period.start,
                        period.end,
                        period.label,
                        value,
                        "value",
                        "",
                    )
                )
        files[plan.pk] = as_long_file(rows)
        count += len(rows)

    def through_import():
        with transaction.atomic():
            for plan in plans:
                import_observations(
                    plan, [("bench.csv", files[plan.pk])], layout, provenance="benchmark"
                )
            transaction.set_rollback(True)

    def through_copy():
        with transaction.atomic():
            batches = {
                plan.pk: ImportBatch.objects.create(plan=plan, files="bench", layout="copy").pk
                for plan in plans
            }
            columns = (
                "plan_id, definition_id, scope, department_id, label, subject_key, "
                "period_type, period_start, period_end, period_label, value, status, "
                "reason, batch_id"
            )
            with (
                connection.cursor() as cursor,
                cursor.copy(f"COPY monitoring_observation ({columns}) FROM STDIN") as copy,
            ):
                for row in copy_rows:
                    copy.write_row((*row, batches[row[0]]))
            transaction.set_rollback(True)

    import_times, copy_times = [], []
    for _ in range(3):
        copy_times.append(timed(through_copy)[0])
        import_times.append(timed(through_import)[0])
    result = {
        "rows": count,
        "plans": len(plans),
        "import_s": statistics.median(import_times),
        "copy_s": statistics.median(copy_times),
        "all_import_s": import_times,
        "all_copy_s": copy_times,
    }
    result["ratio"] = result["import_s"] / result["copy_s"]
    result["target_ratio"] = 2.1  # issue 19: no worse than before it
    result["met"] = result["ratio"] <= 2.1
    return result


def classification_benchmark() -> dict:
    from django.db import connection

    from helhedsplan.lists.areas import classify_stored

    sql = (BENCH / "classification.sql").read_text()
    words = {0: "no", 1: "unknown", 2: "yes", None: "n/a"}

    def engine():
        # Everything from the stored rows on, every call: figures, rule sets, references,
        # the published lists (the omdannelse history) and full classifications with margins.
        return {pk: c.classes for pk, c in classify_stored().items()}

    def query():
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return {
                row[0]: dict(
                    zip(
                        ("udsat", "parallelsamfund", "omdannelse", "forebyggelse"),
                        (words[v] for v in row[1:]),
                        strict=True,
                    )
                )
                for row in cursor.fetchall()
            }

    engine_times, sql_times = [], []
    for _ in range(3):
        seconds, by_engine = timed(engine)
        engine_times.append(seconds)
        seconds, by_sql = timed(query)
        sql_times.append(seconds)
    differing = sum(1 for pk, classes in by_engine.items() if by_sql.get(pk) != classes)
    result = {
        "area_years": len(by_engine),
        "engine_s": statistics.median(engine_times),
        "sql_s": statistics.median(sql_times),
        "differing_rows": differing,
        "all_engine_s": engine_times,
        "all_sql_s": sql_times,
    }
    result["ratio"] = result["engine_s"] / result["sql_s"]
    result["target_ratio"] = 1.7  # issue 19: no worse than before it
    result["met"] = result["ratio"] <= 1.7
    return result


def session_for_reader(plans) -> str:
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )

    from helhedsplan.accounts.models import Membership

    get_user_model().objects.filter(username="bench-reader").delete()  # from a --reuse run
    user = get_user_model().objects.create_user("bench-reader", password="bench-only-12345!")
    Membership.objects.bulk_create(Membership(user=user, plan=p, role="reader") for p in plans)
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return user, f"sessionid={session.session_key}"


def query_time(user, path) -> tuple[float, int, float]:
    """The time of the queries `path` runs when nothing is kept yet (the cache cleared),
    replayed on one connection (median of 5), and the time of that cold request itself."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(user)
    cache.clear()
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200, path
    cold = time.perf_counter() - started
    statements = [
        q["sql"]
        for q in captured.captured_queries
        if not q["sql"].startswith(("SAVEPOINT", "RELEASE", "ROLLBACK"))
    ]
    times = []
    for _ in range(5):
        started = time.perf_counter()
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement.replace("%", "%%"))
                if cursor.description:
                    cursor.fetchall()
        times.append(time.perf_counter() - started)
    return statistics.median(times), len(statements), cold


class Server:
    """gunicorn serving the app with the shared cache, `workers` processes."""

    def __init__(self, workers: int):
        self.workers = workers
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                str(ROOT / ".venv" / "bin" / "gunicorn"),
                "helhedsplan.wsgi",
                "-b",
                f"127.0.0.1:{PORT}",
                "-w",
                str(self.workers),
                "--timeout",
                "120",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env={**os.environ, **ENVIRONMENT},
            start_new_session=True,
        )
        for _ in range(200):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        time.sleep(1)  # every worker booted, not only the first

    def stop(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)

    def worker_rss_mb(self) -> list[float]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        sizes = []
        for pid in children.read_text().split():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(round(int(line.split()[1]) / 1024, 1))
        return sizes


def one_request(path, cookie) -> float:
    import load

    status, seconds = load._get("127.0.0.1", PORT, path, cookie)
    assert status == 200, (path, status)
    return seconds


def page_benchmark(workers: int) -> dict:
    """Three pages, each with requests spread over every plan (and every department), warm,
    then with every 10th request right after a write to the requested plan; beside them the
    first request after a write and the first in a new process (one client each), and the
    workers' memory."""
    import random

    import load
    from django.core.cache import cache
    from django.db.models import F

    from helhedsplan.plans.models import Department, Plan

    plans = list(Plan.objects.filter(slug__startswith="syntetisk-"))
    departments = list(Department.objects.filter(plan__in=plans).select_related("plan"))
    random.Random(7).shuffle(departments)
    user, cookie = session_for_reader(plans)
    pages = {
        "plan_overview": [f"/plans/{p.slug}/" for p in plans],
        "department_page": [f"/plans/{d.plan.slug}/departments/{d.key}/" for d in departments],
        "needs_matrix": [f"/plans/{p.slug}/monitoring/matrix/" for p in plans],
    }
    one_department = {p.slug: p.departments.order_by("key").first().pk for p in plans}

    def write(path):
        """An edit of the plan the next request asks for (its version changes)."""
        slug = path.split("/")[2]
        Department.objects.filter(pk=one_department[slug]).update(name=F("name"))

    cache.clear()
    server = Server(workers)
    server.start()
    try:
        floor = load.run("127.0.0.1", PORT, "/healthz", "", clients=20, per_client=40)
        results = {
            "plans": len(plans),
            "departments": len(departments),
            "gunicorn_workers": workers,
            "cache": ENVIRONMENT["HELHEDSPLAN_CACHE_URL"],
            "healthz_floor": floor,
            "load_before": os.getloadavg(),
        }
        step(
            f"healthz floor: median {floor['median_s'] * 1000:.0f} ms, "
            f"p95 {floor['p95_s'] * 1000:.0f} ms; load {os.getloadavg()[0]:.1f}"
        )
        for name, paths in pages.items():
            # Every address drawn once (the shared cache: once for every process), then measured.
            load.run(
                "127.0.0.1",
                PORT,
                paths,
                cookie,
                clients=4,
                per_client=len(paths) // 4 + 1,
                seconds=1200,
            )
            warm = load.run("127.0.0.1", PORT, paths, cookie, clients=20, per_client=40, seconds=90)
            with_writes = load.run(
                "127.0.0.1",
                PORT,
                paths,
                cookie,
                clients=20,
                per_client=40,
                seconds=90,
                before=write,
            )
            after_write = []
            for path in paths[:5]:
                one_request(path, cookie)
                write(path)
                after_write.append(one_request(path, cookie))
            one_request(paths[0], cookie)  # kept again, for the first request in a new process
            results[name] = {
                "example_path": paths[0],
                "warm": warm,
                "with_writes": with_writes,
                "first_after_write_s": after_write,
                "target_p95_s": 0.150,
                "met_warm": warm["p95_s"] < 0.150,
                "writes_p95_ratio": with_writes["p95_s"] / warm["p95_s"],
                "met_with_writes": with_writes["p95_s"] < 2 * warm["p95_s"],
            }
            step(
                f"{name}: warm p95 {warm['p95_s'] * 1000:.0f} ms (median "
                f"{warm['median_s'] * 1000:.0f}), with writes p95 "
                f"{with_writes['p95_s'] * 1000:.0f} ms, first after a write "
                f"{statistics.median(after_write) * 1000:.0f} ms"
            )
        results["worker_rss_mb"] = server.worker_rss_mb()
        step(f"worker memory: {results['worker_rss_mb']} MB")
    finally:
        server.stop()
    # The first request in a new process, the shared cache warm: one fresh server per page.
    for name, paths in pages.items():
        server = Server(workers)
        server.start()
        try:
            results[name]["first_in_new_process_s"] = one_request(paths[0], cookie)
            results[name]["second_in_new_process_s"] = one_request(paths[0], cookie)
        finally:
            server.stop()
        step(f"{name}: first in a new process {results[name]['first_in_new_process_s']:.3f} s")
    # Last, as it clears the cache: the cold path's queries and the cold request in this process.
    for name, paths in pages.items():
        queries_s, statements, cold_s = query_time(user, paths[0])
        results[name].update(
            {"queries": statements, "queries_s": queries_s, "cold_request_in_process_s": cold_s}
        )
    results["load_after"] = os.getloadavg()
    return results


def report_benchmark() -> dict | None:
    script = BENCH / "report_bench.py"
    if not script.exists():
        return None
    environment = {k: v for k, v in os.environ.items() if k not in ENVIRONMENT}
    done = subprocess.run(
        [sys.executable, str(script), "--rounds", "2"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    path = Path(done.stdout.strip().splitlines()[-1])
    return json.loads(path.read_text())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.05)
    parser.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count(),
        help="gunicorn processes (default: one per core; these pages are CPU-bound)",
    )
    parser.add_argument("--skip-report", action="store_true")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="measure on the dataset of a previous run (with --only; nothing is written)",
    )
    parser.add_argument(
        "--only",
        choices=["import", "classification", "pages", "report"],
        action="append",
        help="run only these benchmarks (repeatable); the results are printed, not written",
    )
    args = parser.parse_args()
    wanted = set(args.only or ["import", "classification", "pages", "report"])
    if args.skip_report:
        wanted.discard("report")
    started = time.perf_counter()
    result = {
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
        },
        "dataset": prepare(args.scale, reuse=args.reuse),
    }
    if "import" in wanted:
        step("import benchmark")
        result["import"] = import_benchmark()
        step(f"import: {result['import']['ratio']:.2f} x COPY")
    if "classification" in wanted:
        step("classification benchmark")
        result["classification"] = classification_benchmark()
        step(f"classification: {result['classification']['ratio']:.2f} x SQL")
    if "pages" in wanted:
        step("page benchmark")
        result["pages"] = page_benchmark(args.workers)
    if "report" in wanted:
        step("report benchmark (bench/report_bench.py)")
        result["report"] = report_benchmark()
    result["total_s"] = time.perf_counter() - started
    if args.only or args.reuse:
        print(json.dumps(result, indent=2, default=str))
        return
    out = BENCH / "results"
    out.mkdir(exist_ok=True)
    path = out / f"{result['when'][:10]}.json"
    path.write_text(json.dumps(result, indent=2, default=str) + "\n")
    print(path)


if __name__ == "__main__":
    main()
