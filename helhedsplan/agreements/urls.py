from django.urls import path

from . import views

app_name = "agreements"
urlpatterns = [
    path("<slug:key>/", views.detail, name="detail"),
    path("<slug:key>/edit/", views.edit, name="edit"),
    path("<slug:key>/versions/", views.versions, name="versions"),
    path("<slug:key>/versions/<int:number>/", views.version, name="version"),
]
