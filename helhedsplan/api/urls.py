"""The REST API (django-ninja); the helper building issue 7 fills it in."""

from django.urls import path  # noqa: F401

urlpatterns = []
