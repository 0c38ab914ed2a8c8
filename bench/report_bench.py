"""Benchmark: the full semi-annual monitoring report of the Viborg 2025-29 demo plan (15
department rows, 17 departments) in all four formats, against a baseline measured in the same
run: the report built and rendered as the web page's HTML only.

    .venv/bin/python bench/report_bench.py [--rounds 3]

Uses a fresh SQLite database in a temporary directory (migrated, demo loaded; not timed) and
writes bench/results/report_bench-<UTC time>.json. The chart cache is emptied before every
round, so each round draws every chart again. The target of issue 6: under 5 s in all formats.
"""

import argparse
import datetime
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PLAN = "viborg-2025-29"
PERIOD = "2026H1"


def setup(directory: str) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{directory}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "helhedsplan.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from helhedsplan.planfiles.demo import load_demo

    call_command("migrate", verbosity=0)
    load_demo()


def rounds(count: int) -> dict:
    import weasyprint  # noqa: F401  (its import, ~1 s, is not what is measured)
    from django.utils import translation

    from helhedsplan.plans.models import Plan
    from helhedsplan.reports.data import monitoring_report
    from helhedsplan.reports.files import produce
    from helhedsplan.reports.render_html import report_body
    from helhedsplan.reports.structure import drawn_svg

    plan = Plan.objects.get(slug=PLAN)
    today = datetime.date(2026, 9, 1)
    baseline, full, parts, sizes = [], [], [], {}
    with translation.override("da"):
        produce(monitoring_report(plan, PERIOD, today), "pdf")  # warm up fonts and templates
        for _ in range(count):
            drawn_svg.cache_clear()
            start = time.perf_counter()
            report_body(monitoring_report(plan, PERIOD, today))
            baseline.append(time.perf_counter() - start)

            drawn_svg.cache_clear()
            start = time.perf_counter()
            report = monitoring_report(plan, PERIOD, today)
            timing = {"data": time.perf_counter() - start}
            for kind in ["html", "pdf", "docx", "xlsx"]:
                began = time.perf_counter()
                content = produce(report, kind)[0]
                timing[kind] = time.perf_counter() - began
                sizes[kind] = len(content)
            full.append(time.perf_counter() - start)
            parts.append(timing)
    return {
        "plan": PLAN,
        "departments": plan.departments.count(),
        "charts": len(report.charts()),
        "tables": len(report.tables()),
        "rounds": count,
        "baseline_html_only_s": statistics.median(baseline),
        "full_all_formats_s": statistics.median(full),
        "ratio_full_to_baseline": statistics.median(full) / statistics.median(baseline),
        "target_s": 5.0,
        "under_target": statistics.median(full) < 5.0,
        "parts_s": {k: statistics.median(p[k] for p in parts) for k in parts[0]},
        "bytes": sizes,
        "all_baseline_s": baseline,
        "all_full_s": full,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        setup(directory)
        result = rounds(args.rounds)
    result.update(
        {
            "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "python": platform.python_version(),
            "machine": platform.machine(),
            "cpus": os.cpu_count(),
            "load_average": os.getloadavg(),
        }
    )
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"report_bench-{result['when'].replace(':', '')[:17]}.json"
    path.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps({k: v for k, v in result.items() if not k.startswith("all_")}, indent=2))
    print(path)


if __name__ == "__main__":
    main()
