from django.apps import AppConfig


class ListsConfig(AppConfig):
    name = "helhedsplan.lists"
    label = "lists"
