"""ASGI entry point: HTTP through Django, WebSockets (the chat) through Channels.

WebSockets pass the allowed-hosts origin check (no other site's page may open one with a
visitor's cookies) and the session/auth middleware, so consumers see `scope["user"]`."""

import os
import threading

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ieum.config.settings")
# Django first: it sets up the apps the consumers' imports need.
django_application = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from ieum.chat.langdetect import warm_up  # noqa: E402
from ieum.chat.routing import websocket_urlpatterns  # noqa: E402

# The language detector's model takes seconds to load: load it beside the first requests, not
# inside the first chat message.
threading.Thread(target=warm_up, name="langid-warm-up", daemon=True).start()

application = ProtocolTypeRouter(
    {
        "http": django_application,
        "websocket": AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
    }
)
