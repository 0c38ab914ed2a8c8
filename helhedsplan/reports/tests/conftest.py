import datetime

import pytest
from django.utils import translation

from helhedsplan.plans.models import Plan
from helhedsplan.reports.data import monitoring_report
from helhedsplan.reports.files import FORMATS, produce

TODAY = datetime.date(2026, 9, 1)


@pytest.fixture(scope="module")
def monitoring_files(django_db_setup, django_db_blocker):
    """The 2025-29 demo plan's monitoring report for the first half of 2026, in every format
    (made once per module: the demo data is only read)."""
    with django_db_blocker.unblock(), translation.override("da"):
        plan = Plan.objects.get(slug="viborg-2025-29")
        report = monitoring_report(plan, "2026H1", today=TODAY)
        return report, {kind: produce(report, kind)[0] for kind in FORMATS}
