"""A stand-in WordPress REST API on 127.0.0.1 that makes, on demand, the faults a real one will not.

It serves a home page that names its API (in a ``Link`` header and a ``<link>`` tag), the API
index and ``/wp/v2/posts`` and ``/wp/v2/pages`` from lists the test holds (by offset, ordered by
id, with ``X-WP-Total``), as WordPress does. `FakeSite.faults` is a queue of what the next
requests to a collection get instead: a status with headers, an HTML block page, PHP's warnings
before the JSON, a body shorter than its ``Content-Length``, a reset connection, an error
object. The live WordPress harness is the real thing; this is for what it cannot be made to do.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

PHP_WARNING = (
    b"<br />\n<b>Warning</b>:  Undefined variable $x in "
    b"<b>/var/www/html/wp-content/plugins/foo/foo.php</b> on line <b>12</b><br />\n"
)
BLOCK_PAGE = (
    b"<!DOCTYPE html><html><head><title>Access denied | Wordfence</title></head>"
    b"<body><h1>Your access to this site has been limited</h1></body></html>"
)


@dataclass
class Fault:
    """What one request gets instead of its answer."""

    # "status", "html", "php", "truncate", "reset", "error", "slow", "redirect", "html-type"
    kind: str
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    code: str = "rest_forbidden"
    seconds: float = 0.0


@dataclass
class FakeSite:
    """The site's state: its objects by type, the faults to come and what was asked."""

    objects: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    faults: list[Fault] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    user_agents: list[str] = field(default_factory=list)  # each request's, in turn
    plain_permalinks: bool = False
    announce: bool = True  # the home page names its API
    max_per_page: int = 100
    wordpress: bool = True  # False: a web server with no WordPress behind it
    files: dict[str, bytes] = field(default_factory=dict)  # other paths it serves, as they are
    port: int = 0

    @property
    def url(self) -> str:
        """The home page."""
        return f"http://127.0.0.1:{self.port}/"

    @property
    def root(self) -> str:
        """The API root, in the form the site uses."""
        return self.url + ("?rest_route=/" if self.plain_permalinks else "wp-json/")


def posts(count: int, *, first_id: int = 1, kind: str = "post") -> list[dict[str, Any]]:
    """`count` small post objects with ids from `first_id`."""
    return [
        {
            "id": id_,
            "type": kind,
            "slug": f"{kind}-{id_}",
            "modified": f"2026-01-{1 + id_ % 28:02}T10:00:00",
            "title": {"rendered": f"{kind.title()} {id_}"},
        }
        for id_ in range(first_id, first_id + count)
    ]


class _Handler(BaseHTTPRequestHandler):
    site: FakeSite

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the tests read `FakeSite.requests`."""

    def do_GET(self) -> None:
        site = self.site
        parts = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(parts.query))
        route = query.pop("rest_route", None) if site.plain_permalinks else None
        if not site.wordpress:
            self._send(404, b"<html><head><title>Not Found</title></head></html>", "text/html")
            return
        if route is None and parts.path.startswith("/wp-json") and not site.plain_permalinks:
            route = parts.path.removeprefix("/wp-json") or "/"
        if route is not None:
            route = route.rstrip("/") or "/"
        site.requests.append(self.path)
        site.user_agents.append(self.headers.get("User-Agent", ""))
        if parts.path in site.files:
            self._send(200, site.files[parts.path], "image/png")
        elif route is None and parts.path == "/moved/":
            self.send_response(301)  # a home page that moved, as sites redirect after a rename
            self.send_header("Location", "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif route is None:
            self._home()
        elif route in ("/", ""):
            index: dict[str, Any] = {"routes": {f"/wp/v2/{name}": {} for name in site.objects}}
            self._send(200, json.dumps(index).encode())
        elif route.startswith("/wp/v2/") and route.removeprefix("/wp/v2/") in site.objects:
            self._collection(site.objects[route.removeprefix("/wp/v2/")], query)
        else:
            error = {"code": "rest_no_route", "message": "No route", "data": {"status": 404}}
            self._send(404, json.dumps(error).encode())

    def _home(self) -> None:
        site = self.site
        if not site.announce:
            self._send(200, b"<html><head><title>Home</title></head></html>", "text/html")
            return
        link = f'<{site.root}>; rel="https://api.w.org/"'
        body = f'<html><head><link rel="https://api.w.org/" href="{site.root}" /></head></html>'
        self._send(200, body.encode(), "text/html", {"Link": link})

    def _collection(self, objects: list[dict[str, Any]], query: dict[str, str]) -> None:
        site = self.site
        if site.faults:
            fault = site.faults.pop(0)
            if self._fault(fault):
                return
        per_page = int(query.get("per_page", "10"))
        if per_page > site.max_per_page:
            error = {
                "code": "rest_invalid_param",
                "message": "Invalid parameter(s): per_page",
                "data": {"status": 400, "params": {"per_page": "too large"}},
            }
            self._send(400, json.dumps(error).encode())
            return
        ordered = sorted(objects, key=lambda item: item["id"])
        if "modified_after" in query:
            ordered = [o for o in ordered if o["modified"] > query["modified_after"]]
        offset = int(query.get("offset", "0"))
        page = ordered[offset : offset + per_page]
        total = {"X-WP-Total": str(len(ordered))}
        self._send(200, json.dumps(page).encode(), headers=total)

    def _fault(self, fault: Fault) -> bool:
        """Answer with `fault`; False when the request is to be answered as usual after all."""
        if fault.kind == "status":
            body = json.dumps({"code": "busy", "message": "busy", "data": {}}).encode()
            self._send(fault.status, body, headers=fault.headers)
        elif fault.kind == "html":
            self._send(fault.status, BLOCK_PAGE, "text/html")
        elif fault.kind == "error":
            error = {"code": fault.code, "message": "Sorry.", "data": {"status": fault.status}}
            self._send(fault.status, json.dumps(error).encode())
        elif fault.kind == "truncate":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "1000")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b'[{"id": 1, "ti')
            self.close_connection = True
        elif fault.kind == "reset":
            self.close_connection = True
            self.connection.close()
        elif fault.kind == "slow":
            time.sleep(fault.seconds)  # longer than the client waits: it gives up and asks again
            return False
        elif fault.kind == "redirect":
            self.send_response(fault.status)
            self.send_header("Location", fault.headers["Location"])
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif fault.kind == "html-type":
            # The JSON, as a misconfigured server labels it.
            self._content_type = "text/html; charset=UTF-8"
            return False
        elif fault.kind == "php":
            # The fault is the prefix: the answer follows it.
            self._php_prefix = True
            return False
        return True

    _php_prefix = False
    _content_type: str | None = None

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str = "application/json; charset=UTF-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        if self._php_prefix:
            body = PHP_WARNING + body
            content_type = "text/html; charset=UTF-8"
        content_type = self._content_type or content_type
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def running(site: FakeSite) -> Iterator[FakeSite]:
    """Serve `site` on a free port of 127.0.0.1 until the block ends."""
    with _serving(type("Handler", (_Handler,), {"site": site})) as port:
        site.port = port
        yield site


@contextmanager
def _serving(handler: type[BaseHTTPRequestHandler]) -> Iterator[int]:
    """Run a server with `handler` on a free port of 127.0.0.1 (the port) until the block ends."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@dataclass
class FaultyProxy:
    """A proxy on 127.0.0.1 in front of a real site, answering with `faults` first, in turn.

    Requests to collection routes (``/wp/v2/…``) take the next fault, if any; everything else,
    and every request once the faults are spent, is passed to the site and its answer back.
    """

    upstream: str
    faults: list[Fault] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    port: int = 0

    @property
    def url(self) -> str:
        """The proxy's address, standing for the site's."""
        return f"http://127.0.0.1:{self.port}"


class _ProxyHandler(_Handler):
    proxy: FaultyProxy

    def do_GET(self) -> None:
        proxy = self.proxy
        proxy.requests.append(self.path)
        is_collection = "wp%2Fv2%2F" in self.path or "/wp/v2/" in self.path
        if is_collection and proxy.faults and self._fault(proxy.faults.pop(0)):
            return
        request = urllib.request.Request(proxy.upstream + self.path)
        for name in ("Authorization", "Accept"):
            if self.headers.get(name):
                request.add_header(name, self.headers[name])
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                status, headers, body = answer.status, answer.headers, answer.read()
        except urllib.error.HTTPError as error:
            status, headers, body = error.code, error.headers, error.read()
        # The site's own addresses point to the proxy, so links lead back through it.
        body = body.replace(proxy.upstream.encode(), proxy.url.encode())
        escaped = (proxy.upstream.replace("/", "\\/"), proxy.url.replace("/", "\\/"))
        body = body.replace(escaped[0].encode(), escaped[1].encode())
        kept = {
            name: value.replace(proxy.upstream, proxy.url)
            for name, value in headers.items()
            if name.lower() in ("link", "x-wp-total", "x-wp-totalpages", "location")
        }
        self._send(status, body, headers.get("Content-Type", "application/json"), kept)


@contextmanager
def proxying(proxy: FaultyProxy) -> Iterator[FaultyProxy]:
    """Run `proxy` on a free port of 127.0.0.1 until the block ends."""
    handler = type("ProxyHandler", (_ProxyHandler,), {"proxy": proxy, "site": FakeSite()})
    with _serving(handler) as port:
        proxy.port = port
        yield proxy
