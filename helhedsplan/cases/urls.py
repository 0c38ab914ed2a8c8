from django.urls import path
from django.views.decorators.cache import never_cache

from . import views

app_name = "cases"
# Case pages and exports hold tenants' personal data: no browser or proxy may keep a copy.
urlpatterns = [
    path("", never_cache(views.overview), name="overview"),
    path("list/", never_cache(views.case_list), name="list"),
    path("new/", never_cache(views.new_case), name="new"),
    path("audit/", never_cache(views.audit_log), name="audit"),
    path("subject-access/", never_cache(views.subject_access), name="subject_access"),
    path("<int:pk>/", never_cache(views.detail), name="detail"),
    path("<int:pk>/entry/", never_cache(views.add_entry), name="add_entry"),
    path("<int:pk>/withdraw/", never_cache(views.withdraw), name="withdraw"),
    path("<int:pk>/close/", never_cache(views.close), name="close"),
]
