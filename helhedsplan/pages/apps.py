from django.apps import AppConfig


class PagesConfig(AppConfig):
    """The pages that compose several apps (home, plan overview, department page): the top
    layer, so that no domain app imports another above it."""

    name = "helhedsplan.pages"
    label = "pages"
