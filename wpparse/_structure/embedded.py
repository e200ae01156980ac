"""``_embedded``: the users, media, terms, parents and comments that ``?_embed`` inlines.

Embedded objects are in WordPress's embed context. Where the viewer may not see one, WordPress
puts an error object in its place; that becomes a recorded problem, never a crash.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from wpparse._errors import Problem
from wpparse._structure.dates import format_datetime, read_date_pair
from wpparse._structure.fields import MISSING, read_id, read_int, read_object, read_str
from wpparse._structure.kept import within_limit
from wpparse._structure.links import Links, expand_relation, read_links
from wpparse._structure.problems import ProblemLog, child_path
from wpparse._structure.rendered import Rendered, read_rendered
from wpparse._structure.table import Field, FieldTable, to_dict

if TYPE_CHECKING:
    from wpparse._structure.post import Post

T = TypeVar("T")
ItemReader = Callable[[Mapping[str, Any], str, ProblemLog], T]

_AUTHOR = "author"
_FEATURED_MEDIA = expand_relation("wp:featuredmedia")
_TERM = expand_relation("wp:term")
_UP = "up"
_REPLIES = "replies"


@attrs.frozen
class User:
    """An embedded user (``_embedded.author``).

    Attributes:
        id: The user id.
        name: Display name.
        url: The user's own website.
        description: Biographical info.
        link: The author archive URL on the site.
        slug: The user's slug.
        avatar_urls: Avatar URL by size in pixels (``"24"``, ``"48"``, ``"96"``).
        links: The user's ``_links``.
        extra: Other fields, as they came.
        warnings: Problems met reading it, when read on its own (`wpparse.parse_term` and the
            like); embedded, its problems are its post's. Not part of equality.

    """

    id: int | None = None
    name: str | None = None
    url: str | None = None
    description: str | None = None
    link: str | None = None
    slug: str | None = None
    avatar_urls: Mapping[str, str] = attrs.field(factory=dict)
    links: Links | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict)
    warnings: tuple[Problem, ...] = attrs.field(default=(), eq=False)

    def to_dict(self) -> dict[str, Any]:
        """The user object as WordPress writes it."""
        return USER_FIELDS.write(self)


@attrs.frozen
class Term:
    """An embedded term (an item of ``_embedded["wp:term"]``): a category, tag or custom term.

    Attributes:
        id: The term id.
        name: The term's name (HTML entities as WordPress sent them).
        slug: The term's slug.
        taxonomy: The taxonomy (``category``, ``post_tag``, or a custom one).
        link: The term archive URL.
        count: Number of posts (view context only).
        description: The term description (view context only).
        parent: The parent term id (hierarchical taxonomies, view context only).
        links: The term's ``_links``.
        extra: Other fields, as they came.
        warnings: Problems met reading it, when read on its own (`wpparse.parse_term` and the
            like); embedded, its problems are its post's. Not part of equality.

    """

    id: int | None = None
    name: str | None = None
    slug: str | None = None
    taxonomy: str | None = None
    link: str | None = None
    count: int | None = None
    description: str | None = None
    parent: int | None = None
    links: Links | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict)
    warnings: tuple[Problem, ...] = attrs.field(default=(), eq=False)

    @property
    def name_text(self) -> str | None:
        """The name as plain text, its HTML entities decoded.

        WordPress stores term names HTML-escaped (``Caf&eacute;s``, ``R&amp;D``); this gives
        ``Cafés`` and ``R&D``.
        """
        return None if self.name is None else html.unescape(self.name)

    def to_dict(self) -> dict[str, Any]:
        """The term object as WordPress writes it."""
        return TERM_FIELDS.write(self)


@attrs.frozen
class Comment:
    """An embedded comment (an item of ``_embedded.replies``).

    Attributes:
        id: The comment id.
        post: The id of the post commented on.
        parent: The id of the comment replied to (None for top-level comments).
        author: The commenter's user id (None for visitors).
        author_name: The commenter's display name.
        author_url: The commenter's website.
        date: Local time of the comment (aware when ``date_gmt`` gives the offset).
        date_gmt: The time in UTC.
        content: The comment text.
        link: The comment's permalink.
        type: ``comment``, ``pingback``, ``trackback``, …
        author_avatar_urls: Avatar URL by size in pixels.
        links: The comment's ``_links``.
        extra: Other fields, as they came.
        warnings: Problems met reading it, when read on its own (`wpparse.parse_term` and the
            like); embedded, its problems are its post's. Not part of equality.

    """

    id: int | None = None
    post: int | None = None
    parent: int | None = None
    author: int | None = None
    author_name: str | None = None
    author_url: str | None = None
    date: dt.datetime | None = None
    date_gmt: dt.datetime | None = None
    content: Rendered | None = None
    link: str | None = None
    type: str | None = None
    author_avatar_urls: Mapping[str, str] = attrs.field(factory=dict)
    links: Links | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict)
    warnings: tuple[Problem, ...] = attrs.field(default=(), eq=False)

    def to_dict(self) -> dict[str, Any]:
        """The comment object as WordPress writes it."""
        return COMMENT_FIELDS.write(self)


@attrs.frozen
class Embedded:
    """``_embedded``: the objects ``?_embed`` inlined, by relation.

    Attributes:
        author: The post's author(s).
        featured_media: The featured image (attachment objects).
        terms: One tuple of terms per taxonomy, in the order of the ``wp:term`` links; a
            taxonomy with no terms gives an empty tuple.
        up: The parent (pages and attachments).
        replies: Comments, one tuple per ``replies`` link.
        other: Other relations (``wp:attachment``, plugin relations), as they came.
        errors: The error objects WordPress embedded in place of what the reader may not see
            (``rest_forbidden``, ``rest_cannot_read_post``: WordPress working as designed, so
            no warning), by relation name as sent, as they came.

    """

    author: tuple[User, ...] = ()
    featured_media: tuple[Post, ...] = ()
    terms: tuple[tuple[Term, ...], ...] = ()
    up: tuple[Post, ...] = ()
    replies: tuple[tuple[Comment, ...], ...] = ()
    other: Mapping[str, Any] = attrs.field(factory=dict)
    errors: Mapping[str, tuple[Mapping[str, Any], ...]] = attrs.field(factory=dict)

    def all_terms(self) -> tuple[Term, ...]:
        """Every embedded term of every taxonomy, in order."""
        return tuple(term for taxonomy in self.terms for term in taxonomy)

    def to_dict(self) -> dict[str, Any]:
        """``_embedded`` as WordPress writes it, with compact relation names."""
        out: dict[str, Any] = {}
        if self.author:
            out["author"] = [user.to_dict() for user in self.author]
        if self.featured_media:
            out["wp:featuredmedia"] = [media.to_dict() for media in self.featured_media]
        if self.terms:
            out["wp:term"] = [[term.to_dict() for term in terms] for terms in self.terms]
        if self.up:
            out["up"] = [parent.to_dict() for parent in self.up]
        if self.replies:
            out["replies"] = [[reply.to_dict() for reply in replies] for replies in self.replies]
        out.update(self.other)
        for name, errors in self.errors.items():
            # In place of an object (or of a group of them): after those that came.
            out.setdefault(name, []).extend(dict(error) for error in errors)
        return out


def read_user(obj: Mapping[str, Any], path: str, log: ProblemLog) -> User:
    """Read an embedded user object."""
    return User(**USER_FIELDS.read(obj, path, log), extra=USER_FIELDS.unread(obj, path, log))


def read_term(obj: Mapping[str, Any], path: str, log: ProblemLog) -> Term:
    """Read an embedded term object."""
    return Term(**TERM_FIELDS.read(obj, path, log), extra=TERM_FIELDS.unread(obj, path, log))


def read_comment(obj: Mapping[str, Any], path: str, log: ProblemLog) -> Comment:
    """Read an embedded comment object."""
    values = COMMENT_FIELDS.read(obj, path, log)
    values["date"], values["date_gmt"] = read_date_pair(obj, path, log, "date", "date_gmt")
    content = obj.get("content", MISSING)
    if content is not MISSING:
        values["content"] = read_rendered(
            content, path + ".content", log, Rendered, values.get("link")
        )
    return Comment(**values, extra=COMMENT_FIELDS.unread(obj, path, log))


def _read_url_map(value: Any, path: str, log: ProblemLog) -> dict[str, str] | None:
    obj = read_object(value, path, log)
    if obj is None:
        return None
    if all(type(url) is str for url in obj.values()):
        return obj
    urls = {}
    for key, url in obj.items():
        text = read_str(url, child_path(path, key), log)
        if text is not None:
            urls[key] = text
    return urls


def _nonempty(value: Mapping[str, Any]) -> dict[str, Any] | None:
    return dict(value) if value else None


#: The fields of an embedded user, in the order WordPress writes them.
USER_FIELDS = FieldTable(
    Field("id", read_int),
    Field("name", read_str),
    Field("url", read_str),
    Field("description", read_str),
    Field("link", read_str),
    Field("slug", read_str),
    Field("avatar_urls", _read_url_map, write=_nonempty),
    Field("links", read_links, key="_links", write=to_dict),
    Field("extra", write=dict, merge=True),
)
#: The fields of a term, in the order WordPress writes them.
TERM_FIELDS = FieldTable(
    Field("id", read_int),
    Field("link", read_str),
    Field("name", read_str),
    Field("slug", read_str),
    Field("taxonomy", read_str),
    Field("count", read_int),
    Field("description", read_str),
    Field("parent", read_id),
    Field("links", read_links, key="_links", write=to_dict),
    Field("extra", write=dict, merge=True),
)
#: The fields of a comment, in the order WordPress writes them. Dates and content (resolved
#: against the comment's link) are read by `read_comment`.
COMMENT_FIELDS = FieldTable(
    Field("id", read_int),
    Field("post", read_id),
    Field("parent", read_id),
    Field("author", read_id),
    Field("author_name", read_str),
    Field("author_url", read_str),
    Field("date", write=format_datetime),
    Field("date_gmt", write=format_datetime),
    Field("content", write=to_dict),
    Field("link", read_str),
    Field("type", read_str),
    Field("author_avatar_urls", _read_url_map, write=_nonempty),
    Field("links", read_links, key="_links", write=to_dict),
    Field("extra", write=dict, merge=True),
)


def read_embedded(
    value: Any, path: str, log: ProblemLog, read_post: ItemReader[Post]
) -> Embedded | None:
    """Read ``_embedded``, with `read_post` for the relations that hold posts (media, parents)."""
    obj = read_object(value, path, log)
    if obj is None:
        return None
    found: dict[str, Any] = {}
    other: dict[str, Any] = {}
    errors: dict[str, tuple[Mapping[str, Any], ...]] = {}
    for name, items in obj.items():
        relation = expand_relation(name)
        item_path = child_path(path, name)
        relation_errors: list[Mapping[str, Any]] = []
        if relation == _AUTHOR:
            found["author"] = _read_items(items, item_path, log, read_user, relation_errors)
        elif relation == _FEATURED_MEDIA:
            found["featured_media"] = _read_items(items, item_path, log, read_post, relation_errors)
        elif relation == _UP:
            found["up"] = _read_items(items, item_path, log, read_post, relation_errors)
        elif relation == _TERM:
            found["terms"] = _read_groups(items, item_path, log, read_term, relation_errors)
        elif relation == _REPLIES:
            found["replies"] = _read_groups(items, item_path, log, read_comment, relation_errors)
        else:
            other[name] = within_limit(items, path, log, name)
        if relation_errors:
            errors[name] = tuple(relation_errors)
    return Embedded(**found, other=other, errors=errors)


def _read_items(
    value: Any,
    path: str,
    log: ProblemLog,
    read_item: ItemReader[T],
    errors: list[Mapping[str, Any]],
) -> tuple[T, ...]:
    """Read a list of embedded objects; error objects go to `errors`, non-objects are problems."""
    if isinstance(value, dict):
        # One object where a list belongs: read it if it is an object of the right shape.
        log.coerced(path, value, [value], "an array of embedded objects")
        value = [value]
    if not isinstance(value, list):
        log.invalid(path, value, "an array of embedded objects")
        return ()
    items = []
    for index, item in enumerate(value):
        item_path = child_path(path, index)
        if not isinstance(item, dict):
            log.invalid(item_path, item, "an embedded object")
        elif is_error_object(item):
            errors.append(item)
        else:
            items.append(read_item(item, item_path, log))
    return tuple(items)


def _read_groups(
    value: Any,
    path: str,
    log: ProblemLog,
    read_item: ItemReader[T],
    errors: list[Mapping[str, Any]],
) -> tuple[tuple[T, ...], ...]:
    """Read a list of lists (``wp:term``, ``replies``): one inner list per link of the relation."""
    if not isinstance(value, list):
        log.invalid(path, value, "an array of arrays of embedded objects")
        return ()
    if (
        value
        and all(isinstance(group, dict) for group in value)
        and not all(is_error_object(group) for group in value)
    ):
        log.coerced(path, value, [value], "an array of arrays of embedded objects")
        return (_read_items(value, path, log, read_item, errors),)
    groups = []
    for index, group in enumerate(value):
        item_path = child_path(path, index)
        if isinstance(group, dict) and is_error_object(group):
            errors.append(group)
        else:
            groups.append(_read_items(group, item_path, log, read_item, errors))
    return tuple(groups)


def is_error_object(value: Mapping[str, Any]) -> bool:
    """Whether `value` is a WordPress REST error object (``{"code", "message", "data"}``)."""
    return (
        isinstance(value.get("code"), str)
        and isinstance(value.get("message"), str)
        and value.keys() <= {"code", "message", "data", "additional_errors"}
    )


def error_status(value: Mapping[str, Any]) -> int | None:
    """The HTTP status in an error object's ``data``, if it has one."""
    data = value.get("data")
    status = data.get("status") if isinstance(data, dict) else None
    return status if isinstance(status, int) and not isinstance(status, bool) else None
