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

from wpparse.errors import Problem, ProblemKind
from wpparse.structure.dates import format_datetime, read_date_pair
from wpparse.structure.embedded import Embedded, read_embedded
from wpparse.structure.fields import (
    ObjectReader,
    read_bool,
    read_id,
    read_int,
    read_int_list,
    read_kept_object,
    read_str,
    read_str_list,
    without_none,
)
from wpparse.structure.links import Links, read_links
from wpparse.structure.media import MediaDetails, read_media_details
from wpparse.structure.problems import ProblemLog
from wpparse.structure.rendered import Content, Excerpt, Rendered, Title, read_rendered

_ABSOLUTE_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
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
        out = without_none(
            id=self.id,
            date=_format(self.date),
            date_gmt=_format(self.date_gmt),
            guid=_rendered(self.guid),
            modified=_format(self.modified),
            modified_gmt=_format(self.modified_gmt),
            slug=self.slug,
            status=self.status,
            type=self.type,
            link=self.link,
            title=_rendered(self.title),
            content=_rendered(self.content),
            excerpt=_rendered(self.excerpt),
            author=self.author,
            featured_media=self.featured_media,
            comment_status=self.comment_status,
            ping_status=self.ping_status,
            sticky=self.sticky,
            template=self.template,
            format=self.format,
            meta=None if self.meta is None else dict(self.meta),
        )
        out.update((name, list(ids)) for name, ids in self.terms.items())
        out.update(
            without_none(
                class_list=None if self.class_list is None else list(self.class_list),
                password=self.password,
                permalink_template=self.permalink_template,
                generated_slug=self.generated_slug,
                parent=self.parent,
                menu_order=self.menu_order,
                alt_text=self.alt_text,
                caption=_rendered(self.caption),
                description=_rendered(self.description),
                media_type=self.media_type,
                mime_type=self.mime_type,
                media_details=self.media_details and self.media_details.to_dict(),
                post=self.post,
                source_url=self.source_url,
            )
        )
        if self.featured_media is None and _is_id(self.extra.get("featured_image")):
            # Written as WordPress would, so that featured_image is not read back in its place.
            out["featured_media"] = 0
        out.update(self.extra)
        if self.links is not None:
            out["_links"] = self.links.to_dict()
        if self.embedded is not None:
            out["_embedded"] = self.embedded.to_dict()
        return out


def _format(value: dt.datetime | None) -> str | None:
    return None if value is None else format_datetime(value)


def _rendered(value: Rendered | None) -> dict[str, Any] | None:
    return None if value is None else value.to_dict()


def read_post(obj: Mapping[str, Any], path: str, log: ProblemLog) -> Post:
    """Structure one post object, recording every problem in `log`.

    The returned post's ``warnings`` are left empty; the caller that owns `log` sets them.
    """
    fields = ObjectReader(obj, path, log)
    links = fields.get("_links", read_links)
    link = fields.get("link", read_str)
    base_url = absolute_link(link, links)

    def rendered(key: str, cls: type[Rendered]) -> Any:
        return fields.get(key, lambda v, p, lg: read_rendered(v, p, lg, cls, base_url))

    date, date_gmt = read_date_pair(fields, "date", "date_gmt")
    modified, modified_gmt = read_date_pair(fields, "modified", "modified_gmt")
    featured_media = fields.get("featured_media", read_id)
    if "featured_media" not in fields and _is_id(obj.get("featured_image")):
        # The 2016 "v2 beta" REST API called the field featured_image. (Plugins also add a
        # featured_image holding a URL: that one stays in extra.)
        featured_media = fields.get("featured_image", read_id)
    return Post(
        id=fields.get("id", read_int),
        date=date,
        date_gmt=date_gmt,
        modified=modified,
        modified_gmt=modified_gmt,
        guid=rendered("guid", Rendered),
        slug=fields.get("slug", read_str),
        status=fields.get("status", read_str),
        type=fields.get("type", read_str),
        link=link,
        title=rendered("title", Title),
        content=rendered("content", Content),
        excerpt=rendered("excerpt", Excerpt),
        author=fields.get("author", read_id),
        featured_media=featured_media,
        comment_status=fields.get("comment_status", read_str),
        ping_status=fields.get("ping_status", read_str),
        sticky=fields.get("sticky", read_bool),
        template=fields.get("template", read_str),
        format=fields.get("format", read_str),
        meta=fields.get("meta", read_kept_object),
        terms=_read_terms(fields, links),
        class_list=fields.get("class_list", read_str_list),
        password=fields.get("password", read_str),
        permalink_template=fields.get("permalink_template", read_str),
        generated_slug=fields.get("generated_slug", read_str),
        parent=fields.get("parent", read_id),
        menu_order=fields.get("menu_order", read_int),
        alt_text=fields.get("alt_text", read_str),
        caption=rendered("caption", Rendered),
        description=rendered("description", Rendered),
        media_type=fields.get("media_type", read_str),
        mime_type=fields.get("mime_type", read_str),
        media_details=fields.get("media_details", read_media_details),
        post=fields.get("post", read_id),
        source_url=fields.get("source_url", read_str),
        links=links,
        embedded=fields.get("_embedded", _read_embedded),
        extra=fields.unread(),
    )


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


def _read_terms(fields: ObjectReader, links: Links | None) -> dict[str, tuple[int, ...]]:
    """Read every taxonomy's list of term ids: the core ones and those ``wp:term`` links name.

    A custom taxonomy's field that does not hold term ids is not read (it stays in ``extra``
    as it came): a ``wp:term`` link names a REST base, and a plugin field may share its name.
    """
    terms = {}
    for name in CORE_TAXONOMIES:
        if name in fields:
            ids = fields.get(name, read_int_list)
            if ids is not None:
                terms[name] = ids
    for link in links.get("wp:term", ()) if links is not None else ():
        name = taxonomy_rest_base(link.href) or ""
        if name in fields and name not in terms:
            scratch = ProblemLog()
            ids = read_int_list(fields.obj[name], name, scratch)
            if ids is not None and not scratch.problems:
                fields.raw(name)
                terms[name] = ids
    return terms


def taxonomy_rest_base(href: str) -> str | None:
    """The taxonomy's REST base from a ``wp:term`` link: ``…/wp/v2/tags?post=1`` → ``tags``.

    Sites without pretty permalinks put the route in the query (``?rest_route=/wp/v2/tags``).
    """
    parts = urlsplit(href)
    route = parse_qs(parts.query).get("rest_route", [parts.path])[0]
    base = route.rstrip("/").rpartition("/")[2]
    return base or None
