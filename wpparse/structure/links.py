"""``_links``: HAL relations, by compact (``wp:term``) or full (``https://api.w.org/term``) name."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from wpparse.structure.fields import (
    ObjectReader,
    read_bool,
    read_int,
    read_str,
    read_str_list,
)
from wpparse.structure.problems import ProblemLog, child_path

#: The one curie WordPress defines; assumed when a site sends none (older sites use full URIs).
WP_CURIE = "https://api.w.org/{rel}"
_DEFAULT_CURIES = {"wp": WP_CURIE}


@attrs.frozen
class Link:
    """One link of a relation in ``_links``.

    Attributes:
        href: The target URL (for ``templated`` links, a URI template).
        embeddable: Whether ``?_embed`` includes the target in ``_embedded``.
        templated: Whether `href` is a URI template (curies are).
        name: The link's name (a curie's prefix, such as ``wp``).
        taxonomy: For ``wp:term`` links, the taxonomy (``category``, ``post_tag``, …).
        count: For ``version-history``, the number of revisions.
        id: For ``predecessor-version``, the revision id.
        target_hints: ``targetHints`` (WordPress 6.7+): ``allow`` lists the HTTP methods allowed.
        extra: Any other attributes of the link object, as they came.

    """

    href: str
    embeddable: bool = False
    templated: bool = False
    name: str | None = None
    taxonomy: str | None = None
    count: int | None = None
    id: int | None = None
    target_hints: Mapping[str, tuple[str, ...]] | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The link object as WordPress writes it."""
        out: dict[str, Any] = {}
        if self.embeddable:
            out["embeddable"] = True
        if self.templated:
            out["templated"] = True
        for key, value in (
            ("name", self.name),
            ("taxonomy", self.taxonomy),
            ("count", self.count),
            ("id", self.id),
        ):
            if value is not None:
                out[key] = value
        out["href"] = self.href
        if self.target_hints is not None:
            out["targetHints"] = {key: list(values) for key, values in self.target_hints.items()}
        out.update(self.extra)
        return out


@attrs.frozen
class Links(Mapping[str, tuple[Link, ...]]):
    """``_links``: relation name → the tuple of its links, in the order WordPress sent them.

    Look a relation up by either name: ``links["wp:featuredmedia"]`` and
    ``links["https://api.w.org/featuredmedia"]`` find the same links whichever form the site
    used, expanding compact names with the ``curies`` the site sent (or WordPress's ``wp``
    curie when it sent none). Iterating gives the names as the site sent them.
    """

    relations: Mapping[str, tuple[Link, ...]] = attrs.field(factory=dict)
    curies: Mapping[str, str] = attrs.field(init=False, eq=False, repr=False)
    _by_uri: Mapping[str, str] = attrs.field(init=False, eq=False, repr=False)

    @curies.default
    def _read_curies(self) -> Mapping[str, str]:
        sent = self.relations.get("curies", ())
        found = {link.name: link.href for link in sent if link.name and "{rel}" in link.href}
        return found or _DEFAULT_CURIES

    @_by_uri.default
    def _index_by_uri(self) -> dict[str, str]:
        return {expand_relation(name, self.curies): name for name in self.relations}

    def __getitem__(self, name: str) -> tuple[Link, ...]:
        if name in self.relations:
            return self.relations[name]
        return self.relations[self._by_uri[expand_relation(name, self.curies)]]

    def __iter__(self) -> Iterator[str]:
        return iter(self.relations)

    def __len__(self) -> int:
        return len(self.relations)

    def first_href(self, name: str) -> str | None:
        """The ``href`` of the first link of relation `name`, or None when there is none."""
        links = self.get(name, ())
        return links[0].href if links else None

    def to_dict(self) -> dict[str, Any]:
        """``_links`` as WordPress writes it."""
        return {name: [link.to_dict() for link in links] for name, links in self.relations.items()}


def expand_relation(name: str, curies: Mapping[str, str] = _DEFAULT_CURIES) -> str:
    """The full URI of relation `name`: ``wp:term`` → ``https://api.w.org/term``.

    Names that are already URIs, registered names (``self``, ``author``) and names with an
    unknown prefix are returned unchanged.
    """
    prefix, colon, rest = name.partition(":")
    if not colon or rest.startswith("//"):
        return name
    template = curies.get(prefix)
    return template.replace("{rel}", rest) if template else name


def read_links(value: Any, path: str, log: ProblemLog) -> Links | None:
    """Read ``_links``. A relation given as one link object (valid HAL) becomes a tuple of one."""
    if value is None:
        return None
    if isinstance(value, list) and not value:
        return Links()
    if not isinstance(value, dict):
        log.invalid(path, value, "an object of link relations")
        return None
    relations: dict[str, tuple[Link, ...]] = {}
    for name, entries in value.items():
        rel_path = child_path(path, name)
        if isinstance(entries, dict | str):
            entries = [entries]
        elif not isinstance(entries, list):
            log.invalid(rel_path, entries, "an array of links")
            continue
        links = (read_link(entry, child_path(rel_path, i), log) for i, entry in enumerate(entries))
        relations[name] = tuple(link for link in links if link is not None)
    return Links(relations)


# Link attributes that, given with exactly this JSON type, are taken as they are.
_SIMPLE_LINK_FIELDS: dict[str, type] = {
    "href": str,
    "embeddable": bool,
    "templated": bool,
    "name": str,
    "taxonomy": str,
    "count": int,
    "id": int,
}


def read_link(value: Any, path: str, log: ProblemLog) -> Link | None:
    """Read one link object; a bare string is taken as its ``href``."""
    # Fast path for the shapes WordPress sends ({"href"}, {"embeddable", "href"}, …), which
    # are most of what a post holds; anything else goes through the field readers below.
    if (
        type(value) is dict
        and "href" in value
        and all(type(item) is _SIMPLE_LINK_FIELDS.get(key) for key, item in value.items())
    ):
        return Link(**value)
    if isinstance(value, str):
        log.coerced(path, value, {"href": value}, "a link object")
        return Link(href=value)
    if not isinstance(value, dict):
        log.invalid(path, value, "a link object")
        return None
    fields = ObjectReader(value, path, log)
    href = fields.get("href", read_str)
    if href is None:
        log.invalid(path, value, "a link object with an href")
        return None
    return Link(
        href=href,
        embeddable=bool(fields.get("embeddable", read_bool)),
        templated=bool(fields.get("templated", read_bool)),
        name=fields.get("name", read_str),
        taxonomy=fields.get("taxonomy", read_str),
        count=fields.get("count", read_int),
        id=fields.get("id", read_int),
        target_hints=fields.get("targetHints", _read_target_hints),
        extra=fields.unread(),
    )


def _read_target_hints(value: Any, path: str, log: ProblemLog) -> dict[str, tuple[str, ...]] | None:
    if not isinstance(value, dict):
        log.invalid(path, value, "an object of target hints")
        return None
    hints = {}
    for key, hint in value.items():
        values = read_str_list(hint, child_path(path, key), log)
        if values is not None:
            hints[key] = values
    return hints
