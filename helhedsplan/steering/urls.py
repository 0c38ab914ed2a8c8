from django.urls import path

from . import views

app_name = "steering"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("rounds/<int:pk>/", views.round_detail, name="round"),
]
