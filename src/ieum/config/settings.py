"""Ieum settings: one module, driven by the environment (see README "Production").

Development and tests run with no environment at all (embedded SQLite, development keys).
With IEUM_DEBUG=false every secret must come from the environment or a *_FILE.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from ieum.config.env import SettingError, env_bool, env_int, env_list, env_str

SRC_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = Path(env_str("IEUM_HOME", str(SRC_DIR.parent.parent)))
VAR_DIR = Path(env_str("IEUM_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("IEUM_DEBUG", True)

# Development-only secrets: used only while DEBUG is on, never in production.
_DEV_SECRET = "dev-only-secret-not-for-production-use-0123456789abcdef"  # noqa: S105  # nosec B105
_DEV_ENCRYPTION_KEY = "dev1:ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM="
_DEV_BLIND_INDEX_KEY = "dev-only-blind-index-key-not-for-production"


def _secret(name: str, dev_value: str) -> str:
    value = env_str(name)
    if value:
        return value
    if DEBUG:
        return dev_value
    raise SettingError(f"{name} (or {name}_FILE) must be set when IEUM_DEBUG is false")


SECRET_KEY = _secret("IEUM_SECRET_KEY", _DEV_SECRET)
# Encryption keys for identifiers at rest: "keyid:base64url-32-bytes,..."; the first one encrypts,
# all of them decrypt (rotation: put the new key first, run `ieum reencrypt`, then drop the old).
IEUM_ENCRYPTION_KEYS = _secret("IEUM_ENCRYPTION_KEYS", _DEV_ENCRYPTION_KEY)
# Key of the keyed blind index (HMAC) for exact lookups of identifiers.
IEUM_BLIND_INDEX_KEY = _secret("IEUM_BLIND_INDEX_KEY", _DEV_BLIND_INDEX_KEY)

ALLOWED_HOSTS = env_list("IEUM_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("IEUM_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "ninja",  # serves the API docs' Swagger UI from local static files, not a CDN
    "ieum.core",
    "ieum.residents",
    "ieum.privacy",
    "ieum.notify",
    "ieum.portal",
    "ieum.casework",
    "ieum.interpreting",
    "ieum.chat",
    "ieum.knowledge",
    "ieum.referrals",
    "ieum.visas",
    "ieum.grants",
    "ieum.jobs",
    "ieum.care",
    "ieum.learning",
    "ieum.events",
    "ieum.surveys",
    "ieum.insights",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "ieum.core.middleware.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "ieum.core.middleware.RefuseNulBytesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "ieum.core.languages.AccountLanguageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "ieum.core.middleware.SessionLimitsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ieum.config.urls"
WSGI_APPLICATION = "ieum.config.wsgi.application"
ASGI_APPLICATION = "ieum.config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "ieum.core.context_processors.center",
                "ieum.config.navigation.menus",
            ],
        },
    },
]

_default_db = f"sqlite:///{VAR_DIR / 'ieum.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(env_str("DATABASE_URL", _default_db), conn_health_checks=True)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while one writer writes (design.md: "SQLite ... WAL").
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # Tests use a real file (not :memory:) so a test can read the raw database file.
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-ieum.sqlite3")}
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # On SSD storage a random read costs little more than a sequential one; with PostgreSQL's
    # default (4.0) the planner scans all residents instead of using the name-token index
    # (bench/bench_resident_search.py). Set by connection option, so no superuser is needed.
    _page_cost = env_str("IEUM_PG_RANDOM_PAGE_COST", "1.1")
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = f"-c random_page_cost={float(_page_cost)}"
    # Under ASGI every request in flight holds its own connection, and persistent connections
    # piled up until PostgreSQL refused clients (`make loadtest`, 200 users). Each app process
    # therefore borrows from a bounded pool (Django 5.2 + psycopg_pool) and returns the connection
    # at the end of the request; processes × IEUM_DB_POOL_MAX must stay under max_connections.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"]["pool"] = {
        "min_size": env_int("IEUM_DB_POOL_MIN", 2),
        "max_size": env_int("IEUM_DB_POOL_MAX", 20),
        "timeout": env_int("IEUM_DB_POOL_TIMEOUT", 10),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "ieum.core.passwords.PipaPasswordRuleValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "workspace-home"
LOGOUT_REDIRECT_URL = "login"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# facts.md §5: limit access after repeated failures. Locked per user name *and* address, so one
# attacker cannot lock a colleague out from elsewhere; cleared by a successful sign-in.
AXES_FAILURE_LIMIT = env_int("IEUM_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("IEUM_LOGIN_LOCKOUT_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "ieum.core.account_views.login_locked_out"
AXES_USERNAME_CALLABLE = "ieum.core.account_views.attempted_username"

# facts.md §5: one-time codes (TOTP) for every staff role; see ieum.core.two_factor.
OTP_TOTP_ISSUER = env_str("IEUM_OTP_ISSUER", "Ieum")
# A staff session ends after this long without a request; every session after SESSION_COOKIE_AGE.
IEUM_STAFF_IDLE_SECONDS = env_int("IEUM_STAFF_IDLE_SECONDS", 30 * 60)

LANGUAGE_CODE = "ko"
# The 13 languages of design.md, each named in its own script.
LANGUAGES = [
    ("ko", "한국어"),
    ("en", "English"),
    ("vi", "Tiếng Việt"),
    ("zh-hans", "简体中文"),
    ("id", "Bahasa Indonesia"),
    ("km", "ភាសាខ្មែរ"),
    ("ne", "नेपाली"),
    ("th", "ภาษาไทย"),
    ("si", "සිංහල"),
    ("fil", "Filipino"),
    ("uz", "Oʻzbekcha"),
    ("ru", "Русский"),
    ("my", "မြန်မာဘာသာ"),
]
LOCALE_PATHS = [BASE_DIR / "locale", SRC_DIR / "locale"]
TIME_ZONE = "Asia/Seoul"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("IEUM_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [SRC_DIR / "static"]
# Uploaded documents live outside the web root and are served only through a permission check.
PRIVATE_MEDIA_ROOT = Path(env_str("IEUM_PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")))
IEUM_UPLOAD_MAX_BYTES = env_int("IEUM_UPLOAD_MAX_BYTES", 10 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = IEUM_UPLOAD_MAX_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

SESSION_COOKIE_AGE = env_int("IEUM_SESSION_SECONDS", 60 * 60 * 8)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("IEUM_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = 0 if DEBUG else env_int("IEUM_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("IEUM_BEHIND_PROXY") else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Same origin only, no inline script or style: HTMX and KRDS are served from /static/.
# Images may be data: URIs (icons inside KRDS and Swagger UI stylesheets).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Camera and microphone stay available to Ieum's own pages (document photos, calls); the rest is off.
IEUM_PERMISSIONS_POLICY = env_str(
    "IEUM_PERMISSIONS_POLICY",
    "camera=(self), microphone=(self), geolocation=(), payment=(), usb=(), serial=(), midi=()",
)

# Logs never carry identifiers or secrets: see ieum.core.logging_filters.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "ieum.core.logging_filters.RedactIdentifiers"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact"]}},
    "root": {"handlers": ["console"], "level": env_str("IEUM_LOG_LEVEL", "INFO" if not DEBUG else "WARNING")},
}

# The center itself, shown on help pages (facts.md §0). Region data lives in the region pack.
# Background work (imports now; exports, screening and matching rounds later) goes through
# django-tasks. Production queues tasks in the database for `ieum db_worker` processes; a
# development server or the tests run them at once, in the request (no worker to start).
TASKS = {
    "default": {
        "BACKEND": env_str(
            "IEUM_TASKS_BACKEND",
            "django_tasks.backends.immediate.ImmediateBackend"
            if DEBUG
            else "django_tasks_db.DatabaseBackend",
        )
    }
}

IEUM_REGION = env_str("IEUM_REGION", "jeonnam")
# facts.md §5: access logs ≥ 2 years (Ieum holds unique identifiers); role-grant records ≥ 3 years.
IEUM_ACCESS_LOG_RETENTION_DAYS = max(730, env_int("IEUM_ACCESS_LOG_RETENTION_DAYS", 730))
IEUM_ROLE_LOG_RETENTION_DAYS = max(1095, env_int("IEUM_ROLE_LOG_RETENTION_DAYS", 1095))
IEUM_CENTER_NAME = _("Jeonnam Immigration & Foreigner Comprehensive Support Center")
IEUM_CENTER_PHONE = "1588-5949"

# Sign-in codes for residents: "console" (logs a masked line, sends nothing), "memory" (tests), or
# the dotted path of a provider backend (see ieum.notify.sms). E-mail goes through EMAIL_BACKEND.
IEUM_SMS_BACKEND = env_str("IEUM_SMS_BACKEND", "console")
EMAIL_BACKEND = env_str("IEUM_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("IEUM_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("IEUM_EMAIL_PORT", 25)
DEFAULT_FROM_EMAIL = env_str("IEUM_EMAIL_FROM", "Ieum <noreply@localhost>")

# --- Notifications (issue 10; owned by the notify app) ------------------------------------------
# Text messages and Alimtalk through Solapi: IEUM_SMS_BACKEND=ieum.notify.providers.solapi.SolapiProvider
IEUM_SOLAPI_BASE_URL = env_str("IEUM_SOLAPI_BASE_URL", "https://api.solapi.com")
IEUM_SOLAPI_API_KEY = env_str("IEUM_SOLAPI_API_KEY")
IEUM_SOLAPI_API_SECRET = env_str("IEUM_SOLAPI_API_SECRET")
IEUM_SOLAPI_SENDER = env_str("IEUM_SOLAPI_SENDER", "15885949")
IEUM_SOLAPI_PF_ID = env_str("IEUM_SOLAPI_PF_ID")
# The provider's delivery reports must carry this secret (header X-Webhook-Secret); empty refuses all.
IEUM_NOTIFY_WEBHOOK_SECRET = env_str("IEUM_NOTIFY_WEBHOOK_SECRET")
# A template missing in the person's language is taken from these, in order.
IEUM_NOTIFY_FALLBACK_LANGUAGES = env_list("IEUM_NOTIFY_FALLBACK_LANGUAGES", "en,ko")
IEUM_NOTIFY_QUIET_START_HOUR = env_int("IEUM_NOTIFY_QUIET_START_HOUR", 21)
IEUM_NOTIFY_QUIET_END_HOUR = env_int("IEUM_NOTIFY_QUIET_END_HOUR", 8)
# The public address of this site, for links in text messages (calendar files).
IEUM_SITE_URL = env_str("IEUM_SITE_URL", "http://127.0.0.1:8000")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- Chat: Channels layer and machine translation (issue 5; owned by the chat app) -------------
# In-memory channel layer for one process (development, tests); Redis when several ASGI processes
# serve the workspace and portal (design.md "Growing past one machine").
IEUM_REDIS_URL = env_str("IEUM_REDIS_URL")
CHANNEL_LAYERS = {
    "default": (
        {"BACKEND": "channels_redis.core.RedisChannelLayer", "CONFIG": {"hosts": [IEUM_REDIS_URL]}}
        if IEUM_REDIS_URL
        else {"BACKEND": "channels.layers.InMemoryChannelLayer"}
    )
}
# Machine translation for chat and knowledge-base drafts: "libretranslate" (self-hosted server at
# IEUM_TRANSLATION_URL), "papago" (NAVER Cloud; key id + key) or "none" (chat works untranslated).
IEUM_TRANSLATION_PROVIDER = env_str("IEUM_TRANSLATION_PROVIDER", "none").strip().lower()
if IEUM_TRANSLATION_PROVIDER not in {"libretranslate", "papago", "none"}:
    raise SettingError("IEUM_TRANSLATION_PROVIDER must be libretranslate, papago or none")
IEUM_TRANSLATION_URL = env_str("IEUM_TRANSLATION_URL")
if IEUM_TRANSLATION_PROVIDER == "libretranslate" and not IEUM_TRANSLATION_URL:
    raise SettingError("IEUM_TRANSLATION_URL must be set for LibreTranslate")
IEUM_TRANSLATION_KEY_ID = env_str("IEUM_TRANSLATION_KEY_ID")
IEUM_TRANSLATION_API_KEY = env_str("IEUM_TRANSLATION_API_KEY")
IEUM_TRANSLATION_TIMEOUT = env_int("IEUM_TRANSLATION_TIMEOUT_MS", 5000) / 1000
# Shown with every machine translation ("LibreTranslate 1.6"): the version the center runs.
IEUM_TRANSLATION_ENGINE_VERSION = env_str("IEUM_TRANSLATION_ENGINE_VERSION")
