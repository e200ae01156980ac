"""The post model and how a JSON object becomes one.

One `Post` class covers every object WordPress's posts controller produces: posts, pages,
custom post types, attachments (media) and revisions, in the view, embed and edit contexts.
Fields a given object lacks (another type, another context, ``?_fields=``) are None.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit

import attrs

from wpparse._errors import Problem, ProblemKind
from wpparse._structure.dates import format_datetime, read_date_pair
from wpparse._structure.embedded import Embedded, read_embedded
from wpparse._structure.fields import (
    MISSING,
    read_bool,
    read_id,
    read_int,
    read_int_list,
    read_kept_object,
    read_str,
    read_str_list,
)
from wpparse._structure.links import Links, read_links
from wpparse._structure.media import MediaDetails, read_media_details
from wpparse._structure.problems import ProblemLog
from wpparse._structure.rendered import Content, Excerpt, Rendered, Title, read_rendered
from wpparse._structure.table import Field, FieldTable, read_value, to_dict, to_list, to_list_map

_ABSOLUTE_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
# An absolute http(s) URL whose path holds nothing urlsplit would clean: its path, group 1.
_PLAIN_ROUTE = re.compile(r"https?://[^/?#\s]*(/[^?#\s]*)(?:[?#]|\Z)")
#: Taxonomy lists every site has; custom taxonomies are found through ``wp:term`` links.
CORE_TAXONOMIES = ("categories", "tags")
#: How deep objects embedded in embedded objects are read (WordPress itself embeds one level).
MAX_EMBEDDED_NESTING = 4


@attrs.frozen(repr=False)
class Post:
    """A WordPress post, page, custom post type item or attachment.

    Field names are WordPress's own; ``links`` is ``_links`` and ``embedded`` is ``_embedded``.
    A field is None when the object does not have it. See the field reference in the docs for
    each field's source, type and quirks.

    Attributes:
        id: The object's id.
        date: Publication time, site-local; aware (with the site's offset at that moment) when
            ``date_gmt`` is present, naive otherwise.
        date_gmt: Publication time, aware, in UTC.
        modified: Last modification time, site-local, aware when ``modified_gmt`` is present.
        modified_gmt: Last modification time, aware, in UTC.
        guid: The globally unique identifier (``rendered``, and ``raw`` in the edit context).
        slug: The URL slug (may be percent-encoded UTF-8).
        status: ``publish``, ``future``, ``draft``, ``pending``, ``private``, ``inherit``, …
        type: ``post``, ``page``, ``attachment``, or a custom post type.
        link: The public permalink, as sent (older sites send a path).
        title: The title.
        content: The content.
        excerpt: The excerpt.
        author: The author's user id.
        featured_media: The featured image's attachment id (None where WordPress sends 0).
        comment_status: ``open`` or ``closed``.
        ping_status: ``open`` or ``closed``.
        sticky: Whether the post is sticky (posts only).
        template: The theme template file ("" for the default).
        format: ``standard``, ``aside``, ``gallery``, …
        meta: Registered meta fields (``{}`` where WordPress sends ``[]``).
        terms: Term ids by taxonomy REST base (``categories``, ``tags``, custom taxonomies).
        class_list: CSS classes of the post (WordPress 6.6+).
        password: The post password (edit context).
        permalink_template: The permalink with a ``%postname%`` placeholder (edit context).
        generated_slug: The slug WordPress would generate (edit context).
        parent: The parent's id (pages, attachments, revisions); None for none.
        menu_order: The page order.
        alt_text: Attachments: the image's alternative text.
        caption: Attachments: the caption.
        description: Attachments: the description.
        media_type: Attachments: ``image`` or ``file``.
        mime_type: Attachments: the file's MIME type.
        media_details: Attachments: dimensions, file and generated sizes.
        post: Attachments: the id of the post the file was uploaded to.
        source_url: Attachments: the file's URL.
        links: ``_links``, the HAL relations.
        embedded: ``_embedded``, the objects ``?_embed`` inlined.
        extra: Every other top-level field (plugin fields such as ``yoast_head_json``,
            ``jetpack_*``, ``acf``), as it came.
        warnings: Every problem met and worked around, with its JSON path. Not part of equality.

    """

    id: int | None = None
    date: dt.datetime | None = None
    date_gmt: dt.datetime | None = None
    modified: dt.datetime | None = None
    modified_gmt: dt.datetime | None = None
    guid: Rendered | None = None
    slug: str | None = None
    status: str | None = None
    type: str | None = None
    link: str | None = None
    title: Title | None = None
    content: Content | None = None
    excerpt: Excerpt | None = None
    author: int | None = None
    featured_media: int | None = None
    comment_status: str | None = None
    ping_status: str | None = None
    sticky: bool | None = None
    template: str | None = None
    format: str | None = None
    meta: Mapping[str, Any] | None = None
    terms: Mapping[str, tuple[int, ...]] = attrs.field(factory=dict)
    class_list: tuple[str, ...] | None = None
    password: str | None = None
    permalink_template: str | None = None
    generated_slug: str | None = None
    parent: int | None = None
    menu_order: int | None = None
    alt_text: str | None = None
    caption: Rendered | None = None
    description: Rendered | None = None
    media_type: str | None = None
    mime_type: str | None = None
    media_details: MediaDetails | None = None
    post: int | None = None
    source_url: str | None = None
    links: Links | None = None
    embedded: Embedded | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict)
    warnings: tuple[Problem, ...] = attrs.field(default=(), eq=False)

    def __repr__(self) -> str:
        # A post holds pages of HTML and links: its repr names it on one line, as httpx's
        # objects do; `to_dict()` gives everything.
        title = self.title.text if self.title is not None else None
        if title is not None and len(title) > 60:
            title = title[:59] + "…"
        date = self.date.isoformat() if self.date is not None else None
        parts = [
            f"id={self.id!r}",
            f"type={self.type!r}",
            f"slug={self.slug!r}",
            f"title={title!r}",
            f"date={date!r}",
        ]
        if self.warnings:
            parts.append(f"warnings={len(self.warnings)}")
        return f"<Post {' '.join(parts)}>"

    @property
    def featured_image_url(self) -> str | None:
        """The featured image's URL, when ``_embedded["wp:featuredmedia"]`` holds its attachment.

        None when the post has no featured image, was fetched without ``?_embed``, or the
        embedded attachment is another one or unreadable (an error object).
        """
        if self.featured_media is None or self.embedded is None:
            return None
        for media in self.embedded.featured_media:
            if media.id == self.featured_media and media.source_url:
                return media.source_url
        return None

    @property
    def categories(self) -> tuple[int, ...]:
        """Category ids (``categories``); empty when the post has none or the field is absent."""
        return self.terms.get("categories", ())

    @property
    def tags(self) -> tuple[int, ...]:
        """Tag ids (``tags``); empty when the post has none or the field is absent."""
        return self.terms.get("tags", ())

    def to_dict(self) -> dict[str, Any]:
        """The post as plain JSON-ready data in WordPress's shape.

        Dates are written with their offsets, and every field of ``extra`` is put back, so
        ``parse_post(post.to_dict()) == post``.
        """
        out = POST_FIELDS.write(self)
        if self.featured_media is None and _is_id(self.extra.get("featured_image")):
            # Written as WordPress would, so that featured_image is not read back in its place.
            out["featured_media"] = 0
        return out


def read_post(obj: Mapping[str, Any], path: str, log: ProblemLog) -> Post:
    """Structure one post object, recording every problem in `log`.

    The returned post's ``warnings`` are left empty; the caller that owns `log` sets them.
    """
    values = POST_FIELDS.read(obj, path, log)
    base_url = absolute_link(values.get("link"), values.get("links"))
    for name, cls in _RENDERED_FIELDS:
        value = obj.get(name, MISSING)
        if value is not MISSING:
            values[name] = read_rendered(value, path + "." + name, log, cls, base_url)
    values["date"], values["date_gmt"] = read_date_pair(obj, path, log, "date", "date_gmt")
    values["modified"], values["modified_gmt"] = read_date_pair(
        obj, path, log, "modified", "modified_gmt"
    )
    read_also: set[str] = set()
    if "featured_media" not in obj and _is_id(obj.get("featured_image")):
        # The 2016 "v2 beta" REST API called the field featured_image. (Plugins also add a
        # featured_image holding a URL: that one stays in extra.)
        values["featured_media"] = read_id(obj["featured_image"], path + ".featured_image", log)
        read_also.add("featured_image")
    values["terms"] = _read_terms(obj, path, log, values.get("links"), read_also)
    return Post(**values, extra=POST_FIELDS.unread(obj, path, log, read_also))


def _is_id(value: Any) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or (
        isinstance(value, str) and value.isdigit()
    )


def _read_embedded(value: Any, path: str, log: ProblemLog) -> Embedded | None:
    """Read ``_embedded``, refusing objects embedded in embedded objects beyond a few levels.

    WordPress embeds one level (embedded objects have no ``_embedded`` of their own); a chain
    of them nested deeper would only recurse until Python's stack runs out.
    """
    if path.count("._embedded") > MAX_EMBEDDED_NESTING:
        message = f"objects embedded more than {MAX_EMBEDDED_NESTING} levels deep; left out"
        log.add(path, ProblemKind.LIMIT, message)
        return None
    return read_embedded(value, path, log, read_post)


def absolute_link(link: str | None, links: Links | None) -> str | None:
    """The absolute URL of the post: `link`, resolved against ``_links.self`` if relative.

    Rendered fields resolve their links against it (their ``base_url``); records give it as
    ``link``. `link` is returned as it is when it is absolute or cannot be resolved.
    """
    if not link:
        return None
    if _ABSOLUTE_URL.match(link):
        return link
    self_href = links.first_href("self") if links is not None else None
    if self_href and _ABSOLUTE_URL.match(self_href):
        return urljoin(self_href, link)
    return link


def _read_terms(
    obj: Mapping[str, Any], path: str, log: ProblemLog, links: Links | None, read: set[str]
) -> dict[str, tuple[int, ...]]:
    """Read every taxonomy's list of term ids: the core ones and those ``wp:term`` links name.

    The keys read are added to `read`. A custom taxonomy's field that does not hold term ids is
    not read (it stays in ``extra`` as it came): a ``wp:term`` link names a REST base, and a
    plugin field may share its name.
    """
    terms = {}
    for name in CORE_TAXONOMIES:
        if name in obj:
            read.add(name)
            ids = read_value(obj[name], read_int_list, path, "." + name, log)
            if ids is not None:
                terms[name] = ids
    for link in links.get("wp:term", ()) if links is not None else ():
        name = taxonomy_rest_base(link.href) or ""
        if name in obj and name not in terms:
            scratch = ProblemLog()
            ids = read_int_list(obj[name], name, scratch)
            if ids is not None and not scratch.problems:
                read.add(name)
                terms[name] = ids
    return terms


def taxonomy_rest_base(href: str) -> str | None:
    """The taxonomy's REST base from a ``wp:term`` link: ``…/wp/v2/tags?post=1`` → ``tags``.

    Sites without pretty permalinks put the route in the query (``?rest_route=/wp/v2/tags``).
    """
    plain = _PLAIN_ROUTE.match(href)
    if plain is not None and "rest_route" not in href:  # most links: no URL parser needed
        route = plain.group(1)
    else:
        parts = urlsplit(href)
        route = parse_qs(parts.query).get("rest_route", [parts.path])[0]
    base = route.rstrip("/").rpartition("/")[2]
    return base or None


# The rendered fields, read with the post's link to resolve theirs against.
_RENDERED_FIELDS: tuple[tuple[str, type[Rendered]], ...] = (
    ("guid", Rendered),
    ("title", Title),
    ("content", Content),
    ("excerpt", Excerpt),
    ("caption", Rendered),
    ("description", Rendered),
)

#: Post's fields in the order WordPress writes them. Those without a reader are read by
#: `read_post` itself: dates in pairs, rendered fields with the post's link, term lists.
POST_FIELDS = FieldTable(
    Field("id", read_int),
    Field("date", write=format_datetime),
    Field("date_gmt", write=format_datetime),
    Field("guid", write=to_dict),
    Field("modified", write=format_datetime),
    Field("modified_gmt", write=format_datetime),
    Field("slug", read_str),
    Field("status", read_str),
    Field("type", read_str),
    Field("link", read_str),
    Field("title", write=to_dict),
    Field("content", write=to_dict),
    Field("excerpt", write=to_dict),
    Field("author", read_id),
    Field("featured_media", read_id),
    Field("comment_status", read_str),
    Field("ping_status", read_str),
    Field("sticky", read_bool),
    Field("template", read_str),
    Field("format", read_str),
    Field("meta", read_kept_object, write=dict),
    Field("terms", write=to_list_map, merge=True),
    Field("class_list", read_str_list, write=to_list),
    Field("password", read_str),
    Field("permalink_template", read_str),
    Field("generated_slug", read_str),
    Field("parent", read_id),
    Field("menu_order", read_int),
    Field("alt_text", read_str),
    Field("caption", write=to_dict),
    Field("description", write=to_dict),
    Field("media_type", read_str),
    Field("mime_type", read_str),
    Field("media_details", read_media_details, write=to_dict),
    Field("post", read_id),
    Field("source_url", read_str),
    Field("extra", write=dict, merge=True),
    Field("links", read_links, key="_links", write=to_dict),
    Field("embedded", _read_embedded, key="_embedded", write=to_dict),
)
