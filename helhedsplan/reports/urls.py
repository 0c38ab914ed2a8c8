from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("monitoring/", views.monitoring, name="monitoring"),
    path("monitoring/download/", views.monitoring_download, name="monitoring_download"),
    path("status/", views.status, name="status"),
    path("status/download/", views.status_download, name="status_download"),
    path("status/edit/", views.status_edit, name="status_edit"),
    path("files/", views.files, name="files"),
    path("files/generate/", views.generate, name="generate"),
    path("files/<int:pk>/", views.file_download, name="file_download"),
    path(
        "agreements/<slug:key>/versions/<int:number>/",
        views.agreement_download,
        name="agreement_download",
    ),
]
