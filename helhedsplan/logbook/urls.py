from django.urls import path

from . import views

app_name = "logbook"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("import/", views.import_file, name="import"),
    path("<slug:kind>/", views.entries, name="entries"),
    path("<slug:kind>/new/", views.edit, name="new"),
    path("<slug:kind>/<int:pk>/", views.edit, name="edit"),
    path("<slug:kind>/<int:pk>/delete/", views.delete, name="delete"),
]
