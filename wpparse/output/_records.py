"""Flat records: one post as one row of JSON scalars and lists, for DataFrames, CSV and Parquet.

The columns and their order are `RECORD_COLUMNS`; docs/records.md describes each one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any
from urllib.parse import urlsplit

from wpparse._structure.content import ContentLink
from wpparse._structure.dates import format_datetime
from wpparse._structure.post import Post, absolute_link

#: The columns of a record, in order, and each one's type, as a name: ``int``, ``str``,
#: ``bool`` or ``list[int]`` (any value may also be None, except in ``categories``, ``tags``
#: and ``warning_count``). Parquet output builds its schema from this.
RECORD_TYPES: dict[str, str] = {
    "id": "int",
    "type": "str",
    "slug": "str",
    "status": "str",
    "link": "str",
    "date": "str",
    "date_gmt": "str",
    "modified": "str",
    "modified_gmt": "str",
    "title_text": "str",
    "excerpt_text": "str",
    "excerpt_truncated": "bool",
    "content_text": "str",
    "word_count": "int",
    "author": "int",
    "categories": "list[int]",
    "tags": "list[int]",
    "featured_media": "int",
    "featured_image_url": "str",
    "link_count": "int",
    "image_count": "int",
    "embed_count": "int",
    "internal_link_count": "int",
    "external_link_count": "int",
    "warning_count": "int",
    "site": "str",
    "source": "str",
}
#: The keys of every record `to_record` returns, in order (a CSV file's header).
RECORD_COLUMNS: tuple[str, ...] = tuple(RECORD_TYPES)


def to_record(post: Post, *, source: str | None = None) -> dict[str, Any]:
    """The post as one flat record: the `RECORD_COLUMNS`, in order, every one present.

    Values are JSON scalars (None where the post lacks what a column is read from) and lists
    of ids. ``id``, ``type``, ``slug``, ``status``, ``author``, ``categories``, ``tags`` and
    ``featured_media`` are WordPress's fields as `Post` reads them. ``link`` is absolute
    (resolved against ``_links.self`` when the site sent a path); dates are ISO 8601 with their
    UTC offsets; ``*_text`` are the plain text of ``title``, ``excerpt`` and ``content``;
    ``featured_image_url`` is the ``source_url`` of the featured image when ``_embedded`` holds
    it (``?_embed``); the counts are of ``content`` (the internal and external ones None when
    the post's link is unknown); ``warning_count`` is ``len(post.warnings)``; ``site`` is the
    host the post is from (its link's, or its ``_links``' or ``guid``'s when the link is a path
    or missing); ``source`` is `source`, where the caller read the post (``wpparse convert``
    gives the input file). docs/records.md describes every column.

    Computing the text parses the HTML of the title, excerpt and content.
    """
    title, excerpt, content = post.title, post.excerpt, post.content
    links = content.links if content is not None else None
    internal, external = _internal_external(links)
    return {
        "id": post.id,
        "type": post.type,
        "slug": post.slug,
        "status": post.status,
        "link": absolute_link(post.link, post.links),
        "date": _iso(post.date),
        "date_gmt": _iso(post.date_gmt),
        "modified": _iso(post.modified),
        "modified_gmt": _iso(post.modified_gmt),
        "title_text": title.text if title is not None else None,
        "excerpt_text": excerpt.text if excerpt is not None else None,
        "excerpt_truncated": excerpt.truncated if excerpt is not None else None,
        "content_text": content.text if content is not None else None,
        "word_count": content.word_count if content is not None else None,
        "author": post.author,
        "categories": list(post.categories),
        "tags": list(post.tags),
        "featured_media": post.featured_media,
        "featured_image_url": post.featured_image_url,
        "link_count": len(links) if links is not None else None,
        "image_count": len(content.images) if content is not None else None,
        "embed_count": len(content.embeds) if content is not None else None,
        "internal_link_count": internal,
        "external_link_count": external,
        "warning_count": len(post.warnings),
        "site": _site(post),
        "source": source,
    }


def _site(post: Post) -> str | None:
    """The host the post is from: its link's, or that of a link to it, or its guid's."""
    candidates = [absolute_link(post.link, post.links)]
    if post.links is not None:
        candidates.extend(post.links.first_href(name) for name in ("self", "collection"))
    if post.guid is not None:
        candidates.append(post.guid.html)
    for url in candidates:
        if url and "//" in url:
            with contextlib.suppress(ValueError):
                host = urlsplit(url).hostname
                if host:
                    return host
    return None


def _featured_image_url(post: Post) -> str | None:
    """`Post.featured_image_url` as a function: what ``wpparse.featured_image_url`` was."""
    return post.featured_image_url


def _iso(value: dt.datetime | None) -> str | None:
    return None if value is None else format_datetime(value)


def _internal_external(
    links: tuple[ContentLink, ...] | None,
) -> tuple[int, int] | tuple[None, None]:
    # A link's `internal` is None for every link of a post whose site is unknown.
    if links is None or any(link.internal is None for link in links):
        return None, None
    internal = sum(1 for link in links if link.internal)
    return internal, len(links) - internal
