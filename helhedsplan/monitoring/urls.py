from django.urls import path

from . import views

app_name = "monitoring"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("matrix/", views.matrix, name="matrix"),
    path("matrix.xlsx", views.matrix_download, name="matrix_xlsx"),
    path("imports/", views.imports, name="imports"),
    path("catalogue/", views.catalogue, name="catalogue"),
    path("import/", views.upload, name="upload"),
    path("import/progress/", views.upload_progress, name="upload_progress"),
]
