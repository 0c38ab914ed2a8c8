"""Export, then import, gives the same plan."""

import pytest

from helhedsplan.planfiles.demo import DEMO_FILES
from helhedsplan.planfiles.exporter import export_plan
from helhedsplan.planfiles.importer import import_plan
from helhedsplan.planfiles.source import parse_plan_file, read_plan_file
from helhedsplan.plans.models import Plan


def comparable(plan_file):
    # Python mode keeps Decimals, which compare by value: 38.0 == 38.
    data = plan_file.model_dump()
    # Parties, areas and an activity's departments are sets: their order carries no meaning.
    data["parties"] = sorted(data["parties"], key=lambda party: party["name"])
    data["areas"] = sorted(data["areas"], key=lambda area: area["name"])
    for sub_agreement in data["sub_agreements"]:
        for activity in sub_agreement["activities"]:
            activity["departments"] = sorted(activity["departments"])
    return data


@pytest.mark.parametrize("path", DEMO_FILES, ids=lambda p: p.stem)
def test_export_gives_back_the_demo_file(db, path):
    original = read_plan_file(path)
    plan = Plan.objects.get(slug=original.plan.slug)

    exported = parse_plan_file(export_plan(plan), "export")

    assert comparable(exported) == comparable(original)


@pytest.mark.parametrize("path", DEMO_FILES, ids=lambda p: p.stem)
def test_import_of_an_export_recreates_the_plan(db, path):
    plan = Plan.objects.get(slug=read_plan_file(path).plan.slug)
    first_export = export_plan(plan)
    renamed = first_export.replace(f"slug: {plan.slug}", "slug: copy-of-plan", 1)

    copy = import_plan(parse_plan_file(renamed, "copy.yaml"))

    assert export_plan(copy) == renamed
    assert copy.departments.count() == plan.departments.count()
