from django.urls import path

from . import views

app_name = "plan_lists"
urlpatterns = [
    path("", views.plan_warnings, name="warnings"),
]
