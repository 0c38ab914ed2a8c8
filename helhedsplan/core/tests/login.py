"""Logging in as the demo user in a browser test."""

from helhedsplan.planfiles.demo import DEMO_PASSWORD, DEMO_USERNAME


def log_in(page, url: str) -> None:
    """Open `url`, which asks for the login, and log in as the demo user."""
    page.goto(url)
    page.fill("input[name=login]", DEMO_USERNAME)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("button[type=submit]")
