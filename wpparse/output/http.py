"""The HTTP client of `wpparse fetch`: one polite, retrying connection pool (the ``fetch`` extra).

urllib3 rather than httpx: its `Retry` already does what a crawler of other people's sites
needs (exponential backoff with jitter on connection errors, read errors, 429 and 5xx, and
``Retry-After`` honoured, capped), it checks that a body is as long as its ``Content-Length``,
and it brings no dependency of its own; wpparse needs no async. It is imported only when
something is fetched, so ``import wpparse`` never needs it.
"""

from __future__ import annotations

import threading
import time
import urllib.parse
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from wpparse._errors import ErrorKind, WPParseError
from wpparse._version import __version__

#: Sent with every request, so a site's owner can tell who is asking.
USER_AGENT = f"wpparse/{__version__} (+https://pypi.org/project/wpparse/)"
#: Statuses worth asking again: rate limits and a server or gateway having a bad moment.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
INSTALL_HINT = 'wpparse fetch needs urllib3: pip install "wpparse[fetch]"'


def _urllib3() -> Any:
    try:
        import urllib3
    except ImportError:
        raise WPParseError(INSTALL_HINT, kind=ErrorKind.UNREADABLE) from None
    return urllib3


@attrs.frozen
class Response:
    """One response: its final URL, status, headers (case-insensitive) and whole body."""

    url: str
    status: int
    headers: Mapping[str, str]
    body: bytes


class FetchError(WPParseError):
    """A request that failed for good: retries spent, or an answer that is not what was asked."""


class Client:
    """GET requests to one site, at most `rate` a second, retried with backoff.

    Args:
        rate: Requests a second at most (2 by default: a polite crawler's pace).
        timeout: Seconds to wait to connect and for each read.
        retries: How many times a request is tried again after an error or a status in
            `RETRY_STATUSES`.
        backoff: The backoff factor: waits of `backoff`, 2×, 4×, … seconds between tries
            (plus up to half of it at random), or what ``Retry-After`` asks, up to
            `max_wait` seconds.
        auth: A user name and an application password, sent as HTTP Basic authentication.
        connections: Requests that may be in flight at once, from as many threads (the rate
            holds for all of them together).
        sleep: What waits between requests (tests pass their own clock).

    """

    def __init__(
        self,
        *,
        rate: float = 2.0,
        timeout: float = 30.0,
        retries: int = 5,
        backoff: float = 1.0,
        max_wait: float = 600.0,
        auth: tuple[str, str] | None = None,
        connections: int = 1,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        urllib3 = _urllib3()
        if rate <= 0:
            raise ValueError("rate must be positive")
        self._interval = 1.0 / rate
        self._sleep = sleep
        self._clock = clock
        self._next_start = 0.0
        self._turn = threading.Lock()
        self.requests = 0
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        if auth is not None:
            headers.update(urllib3.make_headers(basic_auth=f"{auth[0]}:{auth[1]}"))
        self._retry = urllib3.Retry(
            total=retries,
            connect=retries,
            read=retries,
            status=retries,
            other=retries,
            redirect=5,
            allowed_methods={"GET"},
            status_forcelist=RETRY_STATUSES,
            backoff_factor=backoff,
            backoff_jitter=backoff / 2,
            backoff_max=max_wait,
            retry_after_max=int(max_wait),
            raise_on_status=False,
            # Authorization goes to the site's own redirects only (same host is kept by urllib3).
        )
        self._pool: Any = urllib3.PoolManager(
            headers=headers,
            timeout=urllib3.Timeout(connect=timeout, read=timeout),
            retries=self._retry,
            maxsize=max(1, connections),
        )

    def get(self, url: str) -> Response:
        """GET `url` (gzip accepted), after waiting for the rate limit; any status is returned.

        Raises:
            FetchError: no answer after every retry (connections refused or reset, timeouts,
                bodies shorter than they said).

        """
        urllib3 = _urllib3()
        with self._turn:  # one request starts at a time, `interval` after the last
            wait = self._next_start - self._clock()
            if wait > 0:
                self._sleep(wait)
            self._next_start = self._clock() + self._interval
            self.requests += 1
        try:
            answer = self._pool.request(
                "GET", url, headers={**self._pool.headers, "Accept-Encoding": "gzip"}
            )
        except urllib3.exceptions.HTTPError as error:
            reason = getattr(error, "reason", None) or error
            raise FetchError(f"{url}: no answer ({reason})", kind=ErrorKind.UNREADABLE) from None
        return Response(_final_url(url, answer), answer.status, answer.headers, answer.data)

    def close(self) -> None:
        """Close the pool's connections."""
        self._pool.clear()


def _final_url(url: str, answer: Any) -> str:
    """Where `url` led: the last redirect's target, made absolute, or `url` itself."""
    final = url
    for step in answer.retries.history if answer.retries is not None else ():
        if step.redirect_location:
            final = urllib.parse.urljoin(final, step.redirect_location)
    return final
