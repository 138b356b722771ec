"""The web server's outer wall, as one ASGI middleware in front of every route.

- **Hosts**: a request whose Host header is not one the server answers to (loopback
  names, the bound address, names given with --allowed-host) is refused with 400, so a
  DNS-rebinding page cannot read the desk through a name it controls.
- **Cross-site writes**: a request that changes state (anything but GET, HEAD, OPTIONS)
  whose Origin, or failing that Referer, is another site's is refused with 403. Browsers
  send Origin on every cross-site POST; API clients that send neither are not browsers
  and are let through (a token guards them when the server is exposed).
- **Body size**: bytes are counted as they stream in, whatever Content-Length says
  (chunked uploads have none); past the limit the request gets 413 and its body is not
  read further.
- **Headers**: every response carries a Content-Security-Policy (only the app's own
  scripts and styles; inline style attributes for the heatmap colours), X-Frame-Options
  DENY, X-Content-Type-Options nosniff and a Referrer-Policy.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
        b" object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
]


def host_name(value: str) -> str:
    """The host of a Host header or URL netloc, without port or IPv6 brackets, lowercased."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value[1:]
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class Guard:
    def __init__(self, app: ASGIApp, *, allowed_hosts: Iterable[str], max_body: int) -> None:
        self.app = app
        self.allowed = frozenset(host_name(h) for h in allowed_hosts)
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        host = headers.get("host", "")
        if host_name(host) not in self.allowed:
            await _reply(send, 400, f"host {host!r} is not served here")
            return
        if scope["method"] not in SAFE_METHODS and not _same_origin(headers, host):
            await _reply(send, 403, "cross-site request refused (Origin is not this server)")
            return
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_body:
            await _reply(send, 413, f"request body too large (limit {self.max_body // 2**20} MiB)")
            return
        await self._within_limit(scope, receive, send)

    async def _within_limit(self, scope: Scope, receive: Receive, send: Send) -> None:
        state = {"read": 0, "over": False, "started": False}

        async def counted() -> Message:
            if state["over"]:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                state["read"] += len(message.get("body", b""))
                if state["read"] > self.max_body:
                    state["over"] = True
                    return {"type": "http.disconnect"}
            return message

        async def guarded(message: Message) -> None:
            if message["type"] == "http.response.start":
                if state["over"]:
                    return  # the 413 below answers instead
                state["started"] = True
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            elif message["type"] == "http.response.body" and state["over"]:
                return
            await send(message)

        try:
            await self.app(scope, counted, guarded)
        except Exception:
            if not state["over"]:
                raise
        if state["over"] and not state["started"]:
            await _reply(send, 413, f"request body too large (limit {self.max_body // 2**20} MiB)")


def _same_origin(headers: dict[str, str], host: str) -> bool:
    """A state-changing request comes from this server's own pages (or from no browser)."""
    origin = headers.get("origin") or headers.get("referer")
    if not origin or origin == "null":
        return origin is None
    parts = urlsplit(origin)
    return parts.netloc.lower() == host.strip().lower()


async def _reply(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
