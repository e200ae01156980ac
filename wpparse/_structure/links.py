"""``_links``: HAL relations, by compact (``wp:term``) or full (``https://api.w.org/term``) name."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from wpparse._structure.fields import read_bool, read_int, read_str, read_str_list
from wpparse._structure.problems import ProblemLog, child_path
from wpparse._structure.table import Field, FieldTable, to_list_map

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
        return LINK_FIELDS.write(self)


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
    # Relations by full URI: built the first time a name is looked up in the other form, since
    # most posts are read without it.
    _by_uri: Mapping[str, str] | None = attrs.field(init=False, default=None, eq=False, repr=False)

    @curies.default
    def _read_curies(self) -> Mapping[str, str]:
        sent = self.relations.get("curies", ())
        found = {link.name: link.href for link in sent if link.name and "{rel}" in link.href}
        return found or _DEFAULT_CURIES

    def __getitem__(self, name: str) -> tuple[Link, ...]:
        if name in self.relations:
            return self.relations[name]
        by_uri = self._by_uri
        if by_uri is None:
            by_uri = {expand_relation(name, self.curies): name for name in self.relations}
            object.__setattr__(self, "_by_uri", by_uri)
        return self.relations[by_uri[expand_relation(name, self.curies)]]

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
        if type(entries) is list and all(map(_is_simple_link, entries)):
            # What WordPress sends: no path is needed, since nothing can be wrong.
            relations[name] = tuple([Link(**entry) for entry in entries])
            continue
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


def _is_simple_link(value: Any) -> bool:
    """Whether `value` is a link object as WordPress sends them, read by `Link(**value)`.

    That is: an ``href`` and attributes of the types `Link` holds (``{"href"}``,
    ``{"embeddable", "href"}``, …).
    """
    if type(value) is not dict or type(value.get("href")) is not str:
        return False
    size = len(value)
    if size == 1 or (size == 2 and type(value.get("embeddable")) is bool):
        return True  # the two shapes of most links, told apart without a loop
    return all(type(item) is _SIMPLE_LINK_FIELDS.get(key) for key, item in value.items())


def read_link(value: Any, path: str, log: ProblemLog) -> Link | None:
    """Read one link object; a bare string is taken as its ``href``."""
    # Most of what a post holds; anything else goes through the field readers below.
    if _is_simple_link(value):
        return Link(**value)
    if isinstance(value, str):
        log.coerced(path, value, {"href": value}, "a link object")
        return Link(href=value)
    if not isinstance(value, dict):
        log.invalid(path, value, "a link object")
        return None
    values = LINK_FIELDS.read(value, path, log)
    if values.get("href") is None:
        log.invalid(path, value, "a link object with an href")
        return None
    return Link(**values, extra=LINK_FIELDS.unread(value, path, log))


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


def _true_or_none(value: bool) -> bool | None:
    return True if value else None  # WordPress writes these flags only when they are set


#: The attributes of a link object, in the order WordPress writes them.
LINK_FIELDS = FieldTable(
    Field("embeddable", read_bool, write=_true_or_none),
    Field("templated", read_bool, write=_true_or_none),
    Field("name", read_str),
    Field("taxonomy", read_str),
    Field("count", read_int),
    Field("id", read_int),
    Field("href", read_str),
    Field("target_hints", _read_target_hints, key="targetHints", write=to_list_map),
    Field("extra", write=dict, merge=True),
)
