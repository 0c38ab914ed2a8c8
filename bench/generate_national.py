"""Generate the synthetic national dataset (fictional, marked synthetic) into DATABASE_URL.

    .venv/bin/python bench/generate_national.py [--scale 1] [--seed 7] [--dry-run]

--scale 1 is the full country: 8,000 departments, 2,000 areas, 100 plans, ~3.2 million
observations, 1 million logbook events, 20,000 cases (bench/national.py).
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None, out=print) -> dict | None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1 = national size")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--dry-run", action="store_true", help="only print the sizes")
    arguments = parser.parse_args(argv)
    if not 0 < arguments.scale <= 1:
        parser.error("--scale must be more than 0 and at most 1")

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "helhedsplan.settings")
    import django

    django.setup()
    from bench.national import Sizes, generate

    sizes = Sizes.at(arguments.scale)
    out(f"{sizes} -> {sizes.observations} department observations")
    if arguments.dry_run:
        return None
    started = time.perf_counter()
    made = generate(arguments.scale, arguments.seed, progress=out)
    out(f"{made} in {time.perf_counter() - started:.1f} s")
    return made


if __name__ == "__main__":
    main()
