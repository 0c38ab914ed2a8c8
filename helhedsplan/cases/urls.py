from django.urls import path

from . import views

app_name = "cases"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("list/", views.case_list, name="list"),
    path("new/", views.new_case, name="new"),
    path("audit/", views.audit_log, name="audit"),
    path("subject-access/", views.subject_access, name="subject_access"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/entry/", views.add_entry, name="add_entry"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:pk>/close/", views.close, name="close"),
]
