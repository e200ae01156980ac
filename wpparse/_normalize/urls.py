"""URLs found in content: cleaned, resolved against the post's link, and checked for safety."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from wpparse._normalize.markers import without_marks

#: Schemes that run code or inline data rather than navigate, and files on the writer's own
#: computer (Word pastes ``file:///C:/…`` links), which no reader can follow.
UNSAFE_SCHEMES = frozenset({"javascript", "data", "vbscript", "file"})
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_HOST = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://(?:[^/?#@]*@)?(\[[^\]]*\]|[^/?#:]*)")
# The URL standard drops ASCII tab and newline anywhere, and C0 controls and spaces at the ends.
# Other C0 controls inside a URL are dropped too: the only ones found there are the layout marks
# that wpparse puts before tags, and so inside an attribute value that holds "<p" (see
# `without_marks`, which takes a list item's number along).
_DROPPED = re.compile(r"[\x00-\x1f\x7f]")
# An absolute base URL with a host: scheme, authority, path (query and fragment ignored).
_BASE = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*)://([^/?#]*)([^?#]*)")
# Schemes whose URLs the URL standard calls "special": a backslash in them is a slash.
_WEB_SCHEMES = frozenset({"http", "https", "ws", "wss", "ftp", "file"})
_PENDING_LOAD = re.compile(r"([?&])is-pending-load=1(&?)")
_EDGES = "".join(chr(code) for code in range(0x21))


def clean_url(url: str) -> str:
    r"""`url` as a browser reads it: tabs, newlines and controls removed, spaces trimmed.

    In web URLs and relative ones a backslash is a slash, as browsers have it (so
    ``/\\evil.example/`` leaves the site). Jetpack's image CDN writes ``#038;`` where ``&`` was
    meant, and its lazy loader adds ``is-pending-load=1``; both are mended too.
    """
    url = url.strip(_EDGES)
    if not url.isprintable():  # one test in C for every control character
        url = _DROPPED.sub("", without_marks(url))
    if "\\" in url:
        scheme = _SCHEME.match(url)
        if scheme is None or scheme.group(1).lower() in _WEB_SCHEMES:
            url = url.replace("\\", "/")
    if "#038;" in url:
        # Once escaped ("&#038;") or twice ("&amp;#038;", read as "&#038;"): one "&".
        url = url.replace("&#038;", "&").replace("#038;", "&")
    if "is-pending-load" in url:
        url = _PENDING_LOAD.sub(_keep_separator, url)
    return url


def _keep_separator(match: re.Match[str]) -> str:
    # "?is-pending-load=1&a" → "?a"; "?a&is-pending-load=1" → "?a"
    return match.group(1) if match.group(2) else ""


def is_unsafe(url: str) -> bool:
    """Whether `url` (cleaned) runs script or holds inline data (``javascript:``, ``data:``)."""
    return url_scheme(url) in UNSAFE_SCHEMES


def url_scheme(url: str) -> str | None:
    """The scheme of `url` (cleaned), lower-cased; None when it is relative."""
    match = _SCHEME.match(url)
    return match.group(1).lower() if match is not None else None


def has_scheme(url: str) -> bool:
    """Whether `url` is absolute (has a scheme)."""
    return _SCHEME.match(url) is not None


def resolve(url: str, base: str | None) -> str:
    """`url` resolved against `base` when it is relative and `base` is absolute."""
    return Resolver(base)(url)


class Resolver:
    """Resolves URLs against one base, splitting the base once for the many URLs of a post.

    The common relative forms (``/path``, ``//host/path``, ``?query``, ``name``) are joined
    directly; anything with dot segments or an unusual shape goes to `urllib.parse.urljoin`,
    whose general algorithm costs several microseconds a call.
    """

    __slots__ = ("_base", "_directory", "_origin", "_scheme", "_without_query")

    def __init__(self, base: str | None) -> None:
        match = _BASE.match(base) if base else None
        self._base = base if match else None
        if match is None:
            self._scheme = self._origin = self._directory = self._without_query = ""
            return
        self._scheme = match.group(1)
        self._origin = match.group(1) + "://" + match.group(2)
        path = match.group(3) or "/"
        self._without_query = self._origin + path
        self._directory = self._origin + path[: path.rfind("/") + 1]

    def __call__(self, url: str) -> str:
        """`url` resolved against the base (unchanged if it is absolute or the base is not)."""
        base = self._base
        if base is None or has_scheme(url):
            return url
        if "./" in url or url.endswith((".", "..")) or not url:
            return urljoin(base, url)
        first = url[0]
        if first == "/":
            if url.startswith("//"):
                return self._scheme + ":" + url
            return self._origin + url
        if first == "?":
            return self._without_query + url
        if first == "#":
            return base.split("#", 1)[0] + url
        return self._directory + url


def site_host(url: str | None) -> str | None:
    """The host of an absolute URL, lower-cased and without a leading ``www.``."""
    if not url:
        return None
    match = _HOST.match(url)
    if match is None or not match.group(1):
        return None
    host = match.group(1).lower()
    return host[4:] if host.startswith("www.") else host
