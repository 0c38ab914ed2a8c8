from django.shortcuts import render
from django.views.decorators.http import require_GET

from helhedsplan.accounts.access import plan_for


@require_GET
def overview(request, plan):
    plan = plan_for(request, plan)
    return render(
        request,
        "governance/overview.html",
        {
            "plan": plan,
            "bodies": plan.bodies.prefetch_related("members"),
            "cycle": plan.cycle_steps.all(),
            "milestones": plan.milestones.all(),
        },
    )
