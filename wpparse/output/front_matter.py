"""The front matter of a post exported to Markdown: its fields for a static site generator.

`front_matter` gives the fields (the names Hugo, Jekyll, Eleventy and Astro read: ``title``,
``date``, ``lastmod``, ``slug``, ``draft``, ``author``, ``categories``, ``tags``,
``description``, ``aliases``…) and `render_front_matter` writes them with a real emitter:
PyYAML for YAML (``---``), tomli-w for TOML (``+++``), the ``markdown`` extra. A hand-made
emitter would have to get YAML's quoting of ``: #`` and ``yes``, of leading ``@`` and ``*`` and
of line breaks right; these libraries do.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import unquote, urlsplit

import attrs

from wpparse._errors import ErrorKind, WPParseError
from wpparse._structure.post import Post

INSTALL_HINT = 'wpparse markdown needs PyYAML and tomli-w: pip install "wpparse[markdown]"'
#: The taxonomy of each term list of a post, as embedded terms name it.
TAXONOMIES = {"categories": "category", "tags": "post_tag"}
FORMATS = ("yaml", "toml")


@attrs.define
class SavedObjects:
    """Names and addresses from the other objects of a dump (``wpparse fetch --types``).

    A post read without ``?_embed`` names its terms, author and featured image by id only;
    when the dump also holds the terms, users or media themselves, their names and addresses
    are taken from there.
    """

    terms: dict[tuple[str, int], str] = attrs.field(factory=dict)
    users: dict[int, str] = attrs.field(factory=dict)
    media: dict[int, str] = attrs.field(factory=dict)

    def add(self, post: Post) -> bool:
        """Keep what `post` names if it is a term, user or medium; True for a term or user.

        Terms and users read as posts keep their ``name``, ``taxonomy`` and ``avatar_urls`` in
        ``extra``, and have no ``type``.
        """
        name = post.extra.get("name")
        if post.id is None:
            return False
        if post.type is None and isinstance(name, str):
            taxonomy = post.extra.get("taxonomy")
            if isinstance(taxonomy, str):
                self.terms[taxonomy, post.id] = html.unescape(name)
                return True
            if "avatar_urls" in post.extra:
                self.users[post.id] = name
                return True
        if post.type == "attachment" and post.source_url:
            self.media[post.id] = post.source_url
        return False


def front_matter(
    post: Post, slug: str, warn: Callable[[str], None], saved: SavedObjects | None = None
) -> dict[str, Any]:
    """The front matter fields of `post`, exported under `slug`; `warn` hears what is missing.

    Names the post's own ``_embedded`` lacks are looked up in `saved`.
    """
    saved = saved or SavedObjects()
    fields: dict[str, Any] = {"title": post.title.text if post.title is not None else ""}
    date = _moment(post.date, post.date_gmt)
    if date is not None:
        fields["date"] = date
    modified = _moment(post.modified, post.modified_gmt)
    if modified is not None and modified != date:
        fields["lastmod"] = modified
    fields["slug"] = slug
    fields["draft"] = post.status not in (None, "publish")
    author = _author_name(post) or (saved.users.get(post.author) if post.author else None)
    if author:
        fields["author"] = author
    for field in TAXONOMIES:
        names = _term_names(post, field, warn, saved)
        if names:
            fields[field] = names
    image = post.featured_image_url
    if image is None and post.featured_media is not None:
        image = saved.media.get(post.featured_media)
    if image:
        fields["featured_image"] = image
    description = _description(post)
    if description:
        fields["description"] = description
    if post.link:
        fields["wordpress_url"] = post.link
        path = unquote(urlsplit(post.link).path)
        if path and path != "/":
            fields["aliases"] = [path]  # the old address keeps working
    if post.id is not None:
        fields["wordpress_id"] = post.id
    return fields


def render_front_matter(fields: Mapping[str, Any], fmt: str) -> str:
    """`fields` as a front matter block in `fmt` (``yaml`` or ``toml``), fences included."""
    if fmt == "toml":
        try:
            import tomli_w
        except ImportError:
            raise WPParseError(INSTALL_HINT, kind=ErrorKind.UNREADABLE) from None
        return "+++\n" + tomli_w.dumps(dict(fields)) + "+++\n"
    try:
        import yaml
    except ImportError:
        raise WPParseError(INSTALL_HINT, kind=ErrorKind.UNREADABLE) from None
    plain = {key: _yaml_value(value) for key, value in fields.items()}
    text = yaml.safe_dump(plain, allow_unicode=True, sort_keys=False, width=float("inf"))
    return "---\n" + text + "---\n"


def _yaml_value(value: Any) -> Any:
    # Dates as ISO 8601 text with their offset: what every generator parses, where a YAML
    # timestamp would lose the offset in some readers.
    return value.isoformat() if isinstance(value, dt.datetime) else value


def _moment(local: dt.datetime | None, gmt: dt.datetime | None) -> dt.datetime | None:
    """The local time with its offset; UTC when only that is known."""
    if local is not None and local.tzinfo is not None:
        return local
    return gmt or local


def _author_name(post: Post) -> str | None:
    if post.embedded is None:
        return None
    for user in post.embedded.author:
        if user.id == post.author and user.name:
            return user.name
    return None


def _term_names(
    post: Post, field: str, warn: Callable[[str], None], saved: SavedObjects
) -> list[str | int]:
    """The post's terms of `field` by name (embedded, or saved); by id, with a warning, else."""
    ids = post.terms.get(field, ())
    taxonomy = TAXONOMIES[field]
    names = {id_: saved.terms[taxonomy, id_] for id_ in ids if (taxonomy, id_) in saved.terms}
    if post.embedded is not None:
        for term in post.embedded.all_terms():
            name = term.name_text  # term names come HTML-escaped: "Caf&eacute;s"
            if term.taxonomy == TAXONOMIES[field] and term.id is not None and name:
                names[term.id] = name
    missing = [term_id for term_id in ids if term_id not in names]
    if missing:
        warn(
            f"post {post.id}: {field} {missing} by id: their names were not embedded"
            " (fetch with --embed, or with --types categories,tags too)"
        )
    return [names.get(term_id, term_id) for term_id in ids]


def _description(post: Post) -> str | None:
    """Yoast's meta description when the post has one, else the excerpt's text."""
    yoast = post.extra.get("yoast_head_json")
    if isinstance(yoast, Mapping) and isinstance(yoast.get("description"), str):
        text = " ".join(yoast["description"].split())
        if text:
            return text
    if post.excerpt is not None and post.excerpt.text:
        return post.excerpt.text
    return None
