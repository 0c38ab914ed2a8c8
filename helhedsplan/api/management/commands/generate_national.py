import time

from django.core.management.base import BaseCommand, CommandError

from helhedsplan.api.national import Sizes, generate


class Command(BaseCommand):
    help = (
        "Generate a synthetic national dataset (fictional, marked synthetic) for benchmarks. "
        "--scale 1 is the full country: 8,000 departments, 2,000 areas, 100 plans, ~3.2 million "
        "observations, 1 million logbook events, 20,000 cases."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="1 = national size")
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--dry-run", action="store_true", help="only print the sizes")

    def handle(self, *args, scale, seed, dry_run, **options):
        if not 0 < scale <= 1:
            raise CommandError("--scale must be more than 0 and at most 1")
        sizes = Sizes.at(scale)
        self.stdout.write(f"{sizes} -> {sizes.observations} department observations")
        if dry_run:
            return
        started = time.perf_counter()
        made = generate(scale, seed, progress=self.stdout.write)
        self.stdout.write(f"{made} in {time.perf_counter() - started:.1f} s")
