from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("departments/", views.departments, name="departments"),
    path("departments/<slug:key>/", views.department, name="department"),
    path(
        "departments/<slug:key>/charts/<slug:indicator>.svg",
        views.department_chart,
        name="department_chart",
    ),
    path("goals/", views.goals, name="goals"),
    path("export.yaml", views.export, name="export"),
]
