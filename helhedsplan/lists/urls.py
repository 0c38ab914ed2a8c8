from django.urls import path

from . import views

app_name = "lists"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("areas/<int:pk>/", views.area, name="area"),
]
