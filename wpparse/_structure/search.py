"""Search results (``/wp/v2/search``): what the site's search found, of any type."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import attrs

from wpparse._errors import Problem
from wpparse._structure.fields import read_int, read_kept_object, read_str
from wpparse._structure.links import Links, read_links
from wpparse._structure.problems import ProblemLog
from wpparse._structure.table import Field, FieldTable, to_dict


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
        return SEARCH_RESULT_FIELDS.write(self)


def read_search_result(obj: Mapping[str, Any], path: str, log: ProblemLog) -> SearchResult:
    """Read a search result object."""
    values = SEARCH_RESULT_FIELDS.read(obj, path, log)
    return SearchResult(**values, extra=SEARCH_RESULT_FIELDS.unread(obj, path, log))


#: The fields of a search result, in the order WordPress writes them.
SEARCH_RESULT_FIELDS = FieldTable(
    Field("id", read_int),
    Field("title", read_str),
    Field("url", read_str),
    Field("type", read_str),
    Field("subtype", read_str),
    Field("links", read_links, key="_links", write=to_dict),
    Field("embedded", read_kept_object, key="_embedded", write=dict),
    Field("extra", write=dict, merge=True),
)
