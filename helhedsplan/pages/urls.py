"""The home page beside core's health check, under the `core` namespace they have always had."""

from django.urls import path

from helhedsplan.core.urls import urlpatterns as core_urlpatterns

from . import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    *core_urlpatterns,
]
