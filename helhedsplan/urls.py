from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("helhedsplan.pages.urls")),
    path("plans/<slug:plan>/", include("helhedsplan.pages.plan_urls")),
    path("plans/<slug:plan>/agreements/", include("helhedsplan.agreements.urls")),
    path("plans/<slug:plan>/governance/", include("helhedsplan.governance.urls")),
    path("plans/<slug:plan>/monitoring/", include("helhedsplan.monitoring.urls")),
    path("plans/<slug:plan>/lists/", include("helhedsplan.lists.plan_urls")),
    path("plans/<slug:plan>/logbook/", include("helhedsplan.logbook.urls")),
    path("plans/<slug:plan>/cases/", include("helhedsplan.cases.urls")),
    path("plans/<slug:plan>/steering/", include("helhedsplan.steering.urls")),
    path("plans/<slug:plan>/reports/", include("helhedsplan.reports.urls")),
    path("api/", include("helhedsplan.api.urls")),
    path("lists/", include("helhedsplan.lists.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
