"""The demo: the shipped Viborg plans and a demo administrator."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from helhedsplan.accounts.models import Membership, Role
from helhedsplan.cases.demo import load_cases_demo
from helhedsplan.lists.demo import load_lists_demo
from helhedsplan.logbook.demo import load_logbook_demo
from helhedsplan.monitoring.demo import load_monitoring_demo
from helhedsplan.plans.catalogue import ensure_catalogue
from helhedsplan.plans.models import InterventionArea, Plan
from helhedsplan.steering.demo import load_steering_demo

from .importer import import_plan_file

DEMO_DIR = Path(__file__).parent / "demo"
DEMO_FILES = sorted(DEMO_DIR.glob("*.yaml"))
DEMO_USERNAME = "demo"
DEMO_PASSWORD = "demo-helhedsplan"


@transaction.atomic
def load_demo() -> list[str]:
    """Import each demo plan that is not there yet and make the demo admin a member of all."""
    ensure_catalogue(InterventionArea)  # a test database flush removes migration data
    done = []
    for path in DEMO_FILES:
        if not Plan.objects.filter(slug=path.stem).exists():
            import_plan_file(path)
            done.append(path.stem)
    user, created = get_user_model().objects.get_or_create(
        username=DEMO_USERNAME,
        defaults={"email": "demo@example.invalid", "is_staff": True, "is_superuser": True},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    demo_plans = Plan.objects.filter(slug__in=[p.stem for p in DEMO_FILES])
    for plan in demo_plans:
        Membership.objects.get_or_create(user=user, plan=plan, defaults={"role": Role.ADMIN})
    load_monitoring_demo(demo_plans)
    load_lists_demo()
    load_logbook_demo()
    load_cases_demo()
    load_steering_demo()
    return done
