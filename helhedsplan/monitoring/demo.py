"""The demo plans' monitoring data: the seeds' numbers and labelled synthetic data."""

from pathlib import Path

import yaml

from .actions import import_observations
from .catalogue import ensure_catalogue
from .layouts import load_layout
from .models import IndicatorDefinition

DEMO_DIR = Path(__file__).parent / "demo"


def load_monitoring_demo(plans) -> int:
    """Import the demo files of each plan in `plans` that has no monitoring data yet."""
    ensure_catalogue(IndicatorDefinition)  # a test database flush removes migration data
    manifest = yaml.safe_load((DEMO_DIR / "manifest.yaml").read_text(encoding="utf-8"))
    imported = 0
    for plan in plans:
        if plan.slug not in manifest or plan.import_batches.exists():
            continue
        for entry in manifest[plan.slug]:
            path = DEMO_DIR / plan.slug / entry["file"]
            import_observations(
                plan,
                [(path.name, path.read_bytes())],
                load_layout(entry["layout"]),
                provenance=entry["provenance"],
            )
            imported += 1
    return imported
