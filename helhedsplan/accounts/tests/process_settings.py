"""Settings for the app processes that `test_throttling_processes` starts: the project's, with
a fast password hasher (the test's user is made with it; the real one takes a second a try)."""

from helhedsplan.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
