"""A whole site's objects from its REST API, page by page, without losing or repeating one.

`iter_pages` finds the site's API from any of its URLs, then walks each type's collection
(``/wp/v2/posts``, ``/wp/v2/pages``, …) in pages ordered by id, and yields each page's objects
as WordPress sent them (the JSON values, so nothing is lost); `iter_site` yields the objects
one by one. `wpparse fetch` (`wpparse.output.fetch_command`) writes them to JSON Lines.

Pagination cannot skip an object that exists throughout the crawl. Pages are asked for by
offset, in id order, each overlapping the previous one by one object: objects published during
the crawl get higher ids and come at the end; when objects before the next page are deleted,
the page starts past the last id seen, and the crawl steps back until the pages overlap again.
Each id is yielded once.

Every response is checked before its objects are yielded: an HTML page where JSON was expected
(security plugins, maintenance mode) is an error that names the URL and the page's title; a
WordPress error object is a `wpparse.WPAPIError`; JSON after PHP's warnings is read, with a
warning; a body cut short is asked for again.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import attrs
from selectolax.lexbor import LexborHTMLParser

from wpparse._errors import ErrorKind, Problem, WPAPIError, WPParseError
from wpparse._parse import api_error
from wpparse._read.decode import decode_json
from wpparse._structure.embedded import is_error_object
from wpparse.output.http import Client, FetchError, Response

#: What `wpparse fetch` fetches unless told otherwise.
DEFAULT_TYPES = ("posts", "pages")
#: The most objects WordPress gives in one page.
MAX_PER_PAGE = 100
#: The link relation WordPress gives its API root under.
API_RELATION = "https://api.w.org/"
# Tries of one page whose body is not whole JSON (cut short on the way) before giving up.
_BAD_BODY_TRIES = 3
# Where lowering per_page for a site that caps it stops.
_MIN_PER_PAGE = 10
# Steps back before giving up on pages that will not overlap (a site deleting faster than
# the crawl reads).
_MAX_STEPS_BACK = 50
_LINK_HEADER = re.compile(r"<([^>]*)>\s*;[^,]*?\brel=\"?https://api\.w\.org/\"?", re.IGNORECASE)


@attrs.frozen
class Page:
    """One page of a type's collection, as fetched.

    Attributes:
        type: The type's REST base (``posts``, ``pages``, ``categories``, …).
        route: Its route (``/wp/v2/posts``).
        number: The page's number in this crawl, from 1.
        offset: The offset it was asked for at.
        objects: The objects not yielded before (ids already seen are left out), as sent.
        total: How many objects the site said the collection holds (``X-WP-Total``), if it did.
        warnings: Problems met reading the response (PHP's warnings before the JSON).

    """

    type: str
    route: str
    number: int
    offset: int
    objects: tuple[Any, ...]
    total: int | None = None
    warnings: tuple[Problem, ...] = ()


@attrs.frozen
class Position:
    """Where a type's crawl stands: the next offset to ask for and the last id seen."""

    offset: int = 0
    last_id: int | None = None
    done: bool = False


class Site:
    """A WordPress site's REST API at `root` (see `find_api_root`), asked through `client`."""

    def __init__(self, root: str, client: Client, index: Mapping[str, Any] | None = None) -> None:
        self.root = root
        self.client = client
        self._index = index

    @classmethod
    def find(cls, client: Client, url: str) -> Site:
        """The site whose page (or API root) is `url`, its index read on the way."""
        root, index = _find_api(client, url)
        return cls(root, client, index)

    def url(self, route: str, params: Mapping[str, Any] | None = None) -> str:
        """The URL of `route` with `params`, in the form the site's root takes."""
        query = urllib.parse.urlencode(dict(params or {}))
        parts = urllib.parse.urlsplit(self.root)
        if "rest_route=" in parts.query:
            # Plain permalinks: the route goes in the query (/?rest_route=/wp/v2/posts).
            base = urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
            route_query = urllib.parse.urlencode({"rest_route": route})
            return f"{base}?{route_query}" + (f"&{query}" if query else "")
        return self.root.rstrip("/") + route + (f"?{query}" if query else "")

    def get_json(self, url: str) -> tuple[Any, tuple[Problem, ...], Response]:
        """The JSON value at `url`, checked: not an HTML page, not an error object, whole."""
        for attempt in range(_BAD_BODY_TRIES):
            response = self.client.get(url)
            try:
                value, problems = decode_json(response.body)
            except WPParseError as error:
                if error.kind is ErrorKind.HTML_PAGE:
                    raise FetchError(_html_page_message(url, response), kind=error.kind) from None
                if error.kind is ErrorKind.TRUNCATED and attempt + 1 < _BAD_BODY_TRIES:
                    continue  # cut short on the way: ask again
                raise FetchError(
                    f"{url}: HTTP {response.status}, {error}", kind=error.kind
                ) from None
            if isinstance(value, dict) and is_error_object(value):
                raise api_error(value, url, response.status)
            if response.status >= 400:
                raise FetchError(f"{url}: HTTP {response.status}", kind=ErrorKind.UNREADABLE)
            return value, problems, response
        raise AssertionError("unreachable")  # pragma: no cover

    def routes(self) -> Mapping[str, Any]:
        """The routes the API index lists (an empty mapping if it lists none)."""
        index = self._index
        if index is None:
            index, _, _ = self.get_json(self.url("/"))
        routes = index.get("routes") if isinstance(index, Mapping) else None
        return routes if isinstance(routes, dict) else {}


def find_api_root(client: Client, url: str) -> str:
    """The REST API root of the site at `url` (any page of it, or its API root itself).

    Tried in turn: the ``Link: <…>; rel="https://api.w.org/"`` header of `url`, the
    ``<link rel="https://api.w.org/">`` of its HTML, then ``/wp-json/`` and
    ``/?rest_route=/`` at the site's address.

    Raises:
        FetchError: none of them answers with the API's index.

    """
    return _find_api(client, url)[0]


def _find_api(client: Client, url: str) -> tuple[str, dict[str, Any]]:
    """The API root found from `url` (see `find_api_root`), and the index it answered with."""
    try:
        response = client.get(url)
    except FetchError as error:
        raise FetchError(f"cannot reach {url}: {error}", kind=ErrorKind.UNREADABLE) from None
    index = _index_of(response)
    if index is not None:
        return response.url, index
    header = response.headers.get("Link", "")
    candidates = [urllib.parse.urljoin(response.url, m) for m in _LINK_HEADER.findall(header)]
    if response.body.lstrip()[:1] == b"<":
        page = LexborHTMLParser(response.body)
        for link in page.css(f'link[rel="{API_RELATION}"]'):
            href = link.attributes.get("href")
            if href:
                candidates.append(urllib.parse.urljoin(response.url, href))
    parts = urllib.parse.urlsplit(response.url)
    home = urllib.parse.urlunsplit((parts.scheme, parts.netloc, "/", "", ""))
    candidates += [home + "wp-json/", home + "?rest_route=/"]
    tried = list(dict.fromkeys(candidates))
    for candidate in tried:
        try:
            index = _index_of(client.get(candidate))
        except FetchError:
            continue
        if index is not None:
            return candidate, index
    raise FetchError(
        f"no WordPress REST API found from {url} (tried {', '.join(tried)})",
        kind=ErrorKind.UNREADABLE,
    )


def iter_pages(
    site: Site,
    types: Sequence[str] = DEFAULT_TYPES,
    *,
    embed: bool = False,
    context: str = "view",
    modified_after: str | None = None,
    per_page: int = MAX_PER_PAGE,
    start: Mapping[str, Position] | None = None,
    concurrency: int = 1,
) -> Iterator[tuple[Page, Position]]:
    """Each page of each type in turn, with where the type's crawl stands after it.

    `start` resumes each type from a saved `Position`. `modified_after` (ISO 8601) keeps only
    objects changed since (WordPress 5.7 and later). With `concurrency` above 1, that many
    requests are in flight at once, for the pages that follow (the client's rate still holds);
    the pages come in the same order, checked the same way.

    Raises:
        FetchError: a type the site does not have, or a response that is not its JSON.
        WPAPIError: WordPress answered with an error (``rest_forbidden`` for ``context=edit``
            without the right to edit, say).

    """
    routes = site.routes()
    for name in types:
        route = f"/wp/v2/{name}"
        if routes and route not in routes:
            known = sorted(r.removeprefix("/wp/v2/") for r in routes if r.count("/") == 3)
            raise FetchError(
                f"the site has no {route} (its types: {', '.join(known)})",
                kind=ErrorKind.UNREADABLE,
            )
        position = (start or {}).get(name, Position())
        params: dict[str, Any] = {"orderby": "id", "order": "asc", "per_page": per_page}
        if embed:
            params["_embed"] = "1"
        if context != "view":
            params["context"] = context
        if modified_after is not None and name not in _UNDATED:
            params["modified_after"] = modified_after
        yield from _type_pages(site, name, route, params, position, concurrency)


def iter_site(site: Site, types: Sequence[str] = DEFAULT_TYPES, **options: Any) -> Iterator[Any]:
    """Every object of every type in `types`, as sent, each once (see `iter_pages`)."""
    for page, _ in iter_pages(site, types, **options):
        yield from page.objects


# Collections that have no modified date to filter on.
_UNDATED = frozenset({"categories", "tags", "users", "comments"})


_Answer = tuple[Any, tuple[Problem, ...], Response]


class _Prefetch:
    """The answers for offsets asked for ahead, `ahead` at most, by `ahead` threads.

    Pages are still read in order, and each is checked as if it had been asked for last:
    prefetching changes when a page is asked for, never which pages are read.
    """

    def __init__(self, site: Site, ahead: int) -> None:
        self._site = site
        self.ahead = ahead
        self._pool = ThreadPoolExecutor(max_workers=ahead) if ahead > 1 else None
        self._pending: dict[str, Future[_Answer]] = {}

    def get(self, url: str, following: list[str]) -> _Answer:
        """The answer for `url`; the `following` URLs are asked for meanwhile."""
        if self._pool is None:
            return self._site.get_json(url)
        for other in list(self._pending):
            if other != url and other not in following:
                self._pending.pop(other).cancel()  # a guess the crawl did not follow
        for wanted in [url, *following][: self.ahead]:
            if wanted not in self._pending:
                self._pending[wanted] = self._pool.submit(self._site.get_json, wanted)
        return self._pending.pop(url).result()

    def close(self) -> None:
        """Stop the threads; answers not taken are dropped."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


def _type_pages(
    site: Site,
    name: str,
    route: str,
    params: dict[str, Any],
    position: Position,
    concurrency: int = 1,
) -> Iterator[tuple[Page, Position]]:
    if position.done:
        return
    prefetch = _Prefetch(site, concurrency)
    try:
        yield from _pages(site, name, route, params, position, prefetch)
    finally:
        prefetch.close()


def _pages(
    site: Site,
    name: str,
    route: str,
    params: dict[str, Any],
    position: Position,
    prefetch: _Prefetch,
) -> Iterator[tuple[Page, Position]]:
    offset, last_id = position.offset, position.last_id
    per_page = params.pop("per_page")
    number = 0
    steps_back = 0
    total: int | None = None
    while True:
        url = site.url(route, {**params, "per_page": per_page, "offset": offset})
        # With requests in flight ahead: the pages after this one if it is full, as far as the
        # collection goes.
        following = (
            [
                site.url(route, {**params, "per_page": per_page, "offset": ahead})
                for ahead in range(offset + per_page - 1, offset + per_page * 4, per_page - 1)
                if total is None or ahead < total
            ]
            if prefetch.ahead > 1
            else []
        )
        try:
            value, problems, response = prefetch.get(url, following)
        except WPAPIError as error:
            if error.code != "rest_invalid_param" or per_page <= _MIN_PER_PAGE:
                raise
            per_page = max(_MIN_PER_PAGE, per_page // 2)  # the site caps per_page lower
            continue
        if not isinstance(value, list):
            raise FetchError(
                f"{url}: expected a JSON array of objects, found {type(value).__name__}",
                kind=ErrorKind.NOT_AN_OBJECT,
            )
        ids = [_id(item) for item in value]
        if value and last_id is not None and offset > 0 and _first_id(ids) > last_id:
            # Objects before this page went away since the last one: step back until the
            # pages overlap, or an object between them would be skipped.
            steps_back += 1
            if steps_back > _MAX_STEPS_BACK:
                raise FetchError(f"{url}: the pages keep moving", kind=ErrorKind.UNREADABLE)
            offset = max(0, offset - per_page)
            continue
        steps_back = 0
        new = tuple(
            item
            for item, id_ in zip(value, ids, strict=True)
            if last_id is None or id_ is None or id_ > last_id
        )
        seen = [id_ for id_ in ids if id_ is not None]
        if seen:
            last_id = max(seen) if last_id is None else max(last_id, *seen)
        total = _int_header(response, "X-WP-Total")
        # The next page starts at the last object of this one: one object of overlap.
        offset += max(len(value) - 1, 1)
        if total is not None:
            finished = not value or (len(value) < per_page and offset >= total - 1)
        else:  # no count (a proxy dropped it): go on until a page brings nothing new
            finished = len(value) <= 1 and not new
        number += 1
        after = Position(offset, last_id, finished)
        yield Page(name, route, number, offset, new, total, problems), after
        if finished:
            return


def _id(item: Any) -> int | None:
    value = item.get("id") if isinstance(item, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _first_id(ids: list[int | None]) -> int:
    return next((id_ for id_ in ids if id_ is not None), 0)


def _int_header(response: Response, name: str) -> int | None:
    value = response.headers.get(name, "")
    return int(value) if value.isdigit() else None


def _index_of(response: Response) -> dict[str, Any] | None:
    """The API index `response` holds (an object with ``routes``), or None."""
    if response.status != 200 or not response.body.lstrip().startswith(b"{"):
        return None
    try:
        value, _ = decode_json(response.body)
    except WPParseError:
        return None
    return value if isinstance(value, dict) and isinstance(value.get("routes"), dict) else None


def _html_page_message(url: str, response: Response) -> str:
    title = LexborHTMLParser(response.body[:65536]).css_first("title")
    said = " ".join(title.text().split())[:120] if title is not None else ""
    what = f"titled {said!r}" if said else "without a title"
    return (
        f"{url}: HTTP {response.status}, an HTML page {what} where JSON was expected "
        "(a security plugin, maintenance mode or a login page stands in front of the API)"
    )
