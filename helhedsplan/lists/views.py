from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from helhedsplan.accounts.access import plan_for, visible_plans
from helhedsplan.plans.models import Area

from . import store
from .areas import classify_figures, history_strip
from .models import AreaFigures, PublishedCount, PublishedListing
from .warning import outlook

LIST_TYPES = ["ghetto", "parallelsamfund", "haardt_ghetto", "omdannelse", "udsat", "forebyggelse"]


@require_GET
def overview(request):
    """The published lists by year, how complete the shipped data is, filterable."""
    history = store.official_history()
    counts = {(c.list_year, c.list_type): c.published_count for c in PublishedCount.objects.all()}
    years = sorted({year for year, _ in counts})
    completeness = []
    for year in years:
        for list_type in LIST_TYPES:
            if (year, list_type) in counts:
                rows = history.rows_in(year, list_type)
                published = counts[(year, list_type)]
                completeness.append(
                    {
                        "year": year,
                        "list_type": list_type,
                        "published": published,
                        "rows": rows,
                        "complete": published is not None and rows >= published,
                        "derived": list_type in ("haardt_ghetto", "omdannelse"),
                    }
                )
    listings = PublishedListing.objects.select_related("area")
    chosen = {key: request.GET.get(key, "") for key in ("year", "list_type", "kommune")}
    if chosen["year"].isdigit():
        listings = listings.filter(list_year=int(chosen["year"]))
    if chosen["list_type"]:
        listings = listings.filter(list_type=chosen["list_type"])
    if chosen["kommune"]:
        listings = listings.filter(area__municipality=chosen["kommune"])
    kommuner = (
        PublishedListing.objects.values_list("area__municipality", flat=True)
        .distinct()
        .order_by("area__municipality")
    )
    return render(
        request,
        "lists/overview.html",
        {
            "completeness": completeness,
            "listings": listings.order_by("-list_year", "list_type", "area__name")[:500],
            "chosen": chosen,
            "years": years,
            "list_types": [t for t in LIST_TYPES if any(t == c["list_type"] for c in completeness)],
            "kommuner": kommuner,
        },
    )


def _may_see_figures(user, area) -> bool:
    return visible_plans(user).filter(departments__area=area).exists()


@require_GET
def area(request, pk):
    area = get_object_or_404(Area, pk=pk)
    history = store.official_history()
    years = PublishedCount.objects.order_by("-list_year").values_list("list_year", flat=True)
    strip = history_strip(area, history, max(years.first() or 2010, 2010))
    names = {}
    for listing in PublishedListing.objects.filter(area=area).order_by("list_year"):
        names.setdefault(listing.name_as_published, []).append(listing.list_year)
    context = {
        "area": area,
        "strip": strip,
        "names": [(name, min(years), max(years)) for name, years in names.items()],
        "may_see_figures": _may_see_figures(request.user, area),
    }
    if context["may_see_figures"]:
        figures = list(AreaFigures.objects.filter(area=area).select_related("area"))
        classified, _ = classify_figures(figures, history) if figures else ({}, {})
        items = classified.get(area.pk, [])
        synthetic = {f.list_year: f.synthetic for f in figures}
        context["years"] = [(c, synthetic.get(c.list_year)) for c in reversed(items)]
        context["outlook"] = outlook(items)
    return render(request, "lists/area.html", context)


@require_GET
def plan_warnings(request, plan):
    plan = plan_for(request, plan)
    areas = Area.objects.filter(departments__plan=plan).distinct()
    figures = list(AreaFigures.objects.filter(area__in=areas).select_related("area"))
    classified, _ = classify_figures(figures) if figures else ({}, {})
    rows = []
    for item in areas.annotate(n=Count("figures")):
        history = classified.get(item.pk, [])
        rows.append(
            {"area": item, "latest": history[-1] if history else None, "outlook": outlook(history)}
        )
    rows.sort(key=lambda r: (r["outlook"] is None, r["outlook"].risk_key() if r["outlook"] else ()))
    return render(request, "lists/plan_warnings.html", {"plan": plan, "rows": rows})
