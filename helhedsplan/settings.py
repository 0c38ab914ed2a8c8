"""Settings read from the environment with defaults that run the demo on SQLite.

Production sets at least HELHEDSPLAN_SECRET_KEY, HELHEDSPLAN_ALLOWED_HOSTS, DATABASE_URL and
HELHEDSPLAN_DEBUG=0; `helhedsplan check --deploy` then passes.
"""

import datetime
import ipaddress
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent


_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off", "")


def env_bool(name: str, default: bool) -> bool:
    """A yes/no setting; a typo stops the start instead of reading as no."""
    value = os.environ.get(name)
    if value is None:
        return default
    if value.strip().lower() in _TRUE:
        return True
    if value.strip().lower() in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={value!r}: expected one of 1/0, true/false, yes/no, on/off")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r}: expected a whole number") from None


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("HELHEDSPLAN_DEBUG", True)
SECRET_KEY = os.environ.get(
    "HELHEDSPLAN_SECRET_KEY", "insecure-development-key-never-use-in-production-0123456789"
)
ALLOWED_HOSTS = env_list("HELHEDSPLAN_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("HELHEDSPLAN_CSRF_TRUSTED_ORIGINS", "")
# Reverse proxies whose X-Forwarded-For is believed (addresses or networks, comma-separated);
# empty: the header is ignored and the connection's address is the client's
# (helhedsplan/core/client.py decides the address for login throttling and the audit log).
TRUSTED_PROXIES = env_list("HELHEDSPLAN_TRUSTED_PROXIES", "")
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError:
        raise ImproperlyConfigured(
            f"HELHEDSPLAN_TRUSTED_PROXIES: {_proxy!r} is not an IP address or network"
        ) from None

INSTALLED_APPS = [
    "helhedsplan.core",
    "helhedsplan.accounts",
    "helhedsplan.plans",
    "helhedsplan.goals",
    "helhedsplan.agreements",
    "helhedsplan.governance",
    "helhedsplan.monitoring",
    "helhedsplan.lists",
    "helhedsplan.logbook",
    "helhedsplan.cases",
    "helhedsplan.steering",
    "helhedsplan.reports",
    "helhedsplan.api",
    "helhedsplan.planfiles",
    "helhedsplan.pages",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "axes",
    "simple_history",
    "django_htmx",
    "ninja",  # serves the API docs' Swagger UI from its own static files, not a CDN
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "helhedsplan.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "axes.middleware.AxesMiddleware",  # turns a throttled login into the lockout page
]

ROOT_URLCONF = "helhedsplan.urls"
WSGI_APPLICATION = "helhedsplan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    }
]

DATA_DIR = Path(os.environ.get("HELHEDSPLAN_DATA_DIR", PROJECT_DIR / "var"))
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'helhedsplan.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    # WAL lets readers go on while an import writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a throttled login before any check
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:home"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_ALLOW_REGISTRATION = False  # plan admins add users; nobody signs up by themselves
ACCOUNT_ADAPTER = "helhedsplan.accounts.adapter.InvitationOnlyAdapter"
# allauth's own failed-login limit counts per account alone (anyone could lock a user out) and
# per process; django-axes does it instead (below). allauth's other limits stay.
ACCOUNT_RATE_LIMITS = {"login_failed": None}
ACCOUNT_SESSION_REMEMBER = False
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "helhedsplan"
# Administrators create the accounts and nobody signs up, so an unverified e-mail address
# proves nothing about a takeover: anyone may set up two-factor login.
MFA_ALLOW_UNVERIFIED_EMAIL = True
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_AUTO_SIGNUP = False  # an SSO login must match an account an admin created
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
# Single sign-on for a municipality (OpenID Connect), switched on by its environment variables.
SOCIALACCOUNT_PROVIDERS = {}
if os.environ.get("HELHEDSPLAN_OIDC_SERVER_URL"):
    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {
        "APPS": [
            {
                "provider_id": os.environ.get("HELHEDSPLAN_OIDC_ID", "kommune"),
                "name": os.environ.get("HELHEDSPLAN_OIDC_NAME", "Kommunens login"),
                "client_id": os.environ["HELHEDSPLAN_OIDC_CLIENT_ID"],
                "secret": os.environ.get("HELHEDSPLAN_OIDC_SECRET", ""),
                "settings": {"server_url": os.environ["HELHEDSPLAN_OIDC_SERVER_URL"]},
            }
        ]
    }

# Login throttling (helhedsplan/accounts/throttle.py): failures counted in the database per
# (account, client address); locked after 5 for LOGIN_LOCKOUT_SECONDS, doubling with every
# further failure, forgotten a day after the last one; username and e-mail are one account.
AXES_HANDLER = "helhedsplan.accounts.throttle.ProgressiveLockoutHandler"
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "helhedsplan.accounts.throttle.login_account"
AXES_CLIENT_IP_CALLABLE = "helhedsplan.core.client.client_address"
AXES_COOLOFF_TIME = datetime.timedelta(hours=24)
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # a refused try checked no password
AXES_LOCKOUT_CALLABLE = "helhedsplan.accounts.throttle.lockout_response"
LOGIN_LOCKOUT_SECONDS = env_int("HELHEDSPLAN_LOGIN_LOCKOUT_SECONDS", 5 * 60)

EMAIL_BACKEND = os.environ.get(
    "HELHEDSPLAN_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("HELHEDSPLAN_EMAIL_HOST", "localhost")
DEFAULT_FROM_EMAIL = os.environ.get("HELHEDSPLAN_FROM_EMAIL", "helhedsplan@localhost")

# Coordinated cases (Bo Godt): closed cases are anonymised down to counts after this many days.
CASE_RETENTION_DAYS = env_int("HELHEDSPLAN_CASE_RETENTION_DAYS", 365)
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = env_int("HELHEDSPLAN_SESSION_SECONDS", 8 * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Danish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
if DEBUG:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns on every request otherwise
# DKFDS is installed from npm at setup time (see Makefile) and served from node_modules.
STATICFILES_DIRS = [("dkfds", PROJECT_DIR / "node_modules" / "dkfds" / "dist")]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Security: strict by default outside DEBUG; `check --deploy` is part of the test suite.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("HELHEDSPLAN_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 0 if DEBUG else 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp), in DEBUG too so the demo and the browser tests see any
# violation: scripts and styles only from the app's own static files (no inline script, no
# event-handler attributes, no style attributes), images also as data: URIs (DKFDS icons,
# the 2FA QR code). A form may post only to the app, and to the municipality's login when
# single sign-on is on (the login form's redirect goes there).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"]
        + [
            f"{server.scheme}://{server.netloc}"  # the login server's origin
            for server in [urlsplit(os.environ.get("HELHEDSPLAN_OIDC_SERVER_URL", "").strip())]
            if server.netloc
        ],
    }
}

# Input limits: every upload and imported file is checked against these before it is read,
# and a user who reaches one is told which (see docs/input-limits.md).
MAX_UPLOAD_BYTES = env_int("HELHEDSPLAN_MAX_UPLOAD_BYTES", 50 * 1024 * 1024)  # one file
MAX_UNCOMPRESSED_BYTES = env_int("HELHEDSPLAN_MAX_UNCOMPRESSED_BYTES", 200 * 1024 * 1024)  # XLSX
MAX_IMPORT_ROWS = env_int("HELHEDSPLAN_MAX_IMPORT_ROWS", 500_000)  # a year for the country: 320,000
MAX_CELL_CHARACTERS = env_int("HELHEDSPLAN_MAX_CELL_CHARACTERS", 10_000)
MAX_PROBLEMS_LISTED = env_int("HELHEDSPLAN_MAX_PROBLEMS_LISTED", 200)  # then "and N more"
# Whole request bodies (form fields; files are checked against MAX_UPLOAD_BYTES).
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("HELHEDSPLAN_MAX_FORM_BYTES", 5 * 1024 * 1024)


# What the pages keep (parts under each plan's version, drawn charts): HELHEDSPLAN_CACHE_URL is
# `locmem://` (per process: the demo and the tests), `redis://host:port/db` (shared by every
# app process: production) or `db://table` (Django's database cache, shared; run
# `helhedsplan createcachetable` once). Anything else stops the start.
def cache_from_url(url: str) -> dict:
    scheme, _sep, rest = url.partition("://")
    if not _sep:
        raise ImproperlyConfigured(f"HELHEDSPLAN_CACHE_URL must be scheme://..., not {url!r}")
    if scheme == "locmem":
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": rest or "helhedsplan",
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    if scheme in ("redis", "rediss"):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if scheme == "db":
        if not rest:
            raise ImproperlyConfigured("HELHEDSPLAN_CACHE_URL db:// needs a table: db://cache")
        return {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": rest,
            "OPTIONS": {"MAX_ENTRIES": 100000},
        }
    raise ImproperlyConfigured(
        f"HELHEDSPLAN_CACHE_URL: unknown cache {scheme!r} (use locmem://, redis:// or db://)"
    )


CACHES = {"default": cache_from_url(os.environ.get("HELHEDSPLAN_CACHE_URL", "locmem://"))}

# Long work (monitoring imports, report files, reminders, case purging) runs as tasks in the
# worker (`helhedsplan worker`), queued in the database: "database" (default), or
# "immediate" to run each task at once in the process that queues it (the tests).
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
_task_backend = os.environ.get("HELHEDSPLAN_TASKS", "database")
if _task_backend not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"HELHEDSPLAN_TASKS={_task_backend!r}: expected one of {', '.join(_TASK_BACKENDS)}"
    )
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[_task_backend]}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("HELHEDSPLAN_LOG_LEVEL", "INFO")},
}
