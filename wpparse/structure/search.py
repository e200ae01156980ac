"""Search results (``/wp/v2/search``): what the site's search found, of any type."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import attrs

from wpparse.errors import Problem
from wpparse.structure.fields import (
    ObjectReader,
    read_int,
    read_kept_object,
    read_str,
    without_none,
)
from wpparse.structure.links import Links, read_links
from wpparse.structure.problems import ProblemLog


@attrs.frozen
class SearchResult:
    """One result of ``/wp/v2/search``: a post, term or post format the search found.

    Attributes:
        id: The found object's id.
        title: Its title, as WordPress sent it (HTML entities and all).
        url: Its address on the site.
        type: ``post``, ``term`` or ``post-format``.
        subtype: The post type or taxonomy (``post``, ``page``, ``category``, …).
        links: ``_links`` (``self`` points to the object's own route).
        embedded: ``_embedded`` (``?_embed``: ``self``, the found object), as it came.
        extra: Other fields, as they came.
        warnings: Problems met reading it. Not part of equality.

    """

    id: int | None = None
    title: str | None = None
    url: str | None = None
    type: str | None = None
    subtype: str | None = None
    links: Links | None = None
    embedded: Mapping[str, Any] | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict)
    warnings: tuple[Problem, ...] = attrs.field(default=(), eq=False)

    @property
    def title_text(self) -> str | None:
        """The title as plain text, its HTML entities decoded (``R&amp;D`` → ``R&D``)."""
        return None if self.title is None else html.unescape(self.title)

    def to_dict(self) -> dict[str, Any]:
        """The result as WordPress writes it."""
        out = without_none(
            id=self.id, title=self.title, url=self.url, type=self.type, subtype=self.subtype
        )
        if self.links is not None:
            out["_links"] = self.links.to_dict()
        if self.embedded is not None:
            out["_embedded"] = dict(self.embedded)
        out.update(self.extra)
        return out


def read_search_result(obj: Mapping[str, Any], path: str, log: ProblemLog) -> SearchResult:
    """Read a search result object."""
    fields = ObjectReader(obj, path, log)
    return SearchResult(
        id=fields.get("id", read_int),
        title=fields.get("title", read_str),
        url=fields.get("url", read_str),
        type=fields.get("type", read_str),
        subtype=fields.get("subtype", read_str),
        links=fields.get("_links", read_links),
        embedded=fields.get("_embedded", read_kept_object),
        extra=fields.unread(),
    )
