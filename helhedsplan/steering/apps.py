from django.apps import AppConfig


class SteeringConfig(AppConfig):
    name = "helhedsplan.steering"
    label = "steering"
