"""What the normalize stage finds in rendered HTML: links, images, embeds and headings.

These are plain, frozen records, defined here beside the models that expose them
(`wpparse._structure.rendered`) and filled in by the normalize stage.
"""

from __future__ import annotations

import attrs


@attrs.frozen
class ContentLink:
    """A navigable link (``<a href>``) in a rendered field.

    Attributes:
        url: The target, resolved against the post's link (absolute when the post's link is).
        text: The link text as plain text ("" for a link around an image, say).
        rel: The ``rel`` tokens, lower-cased (``nofollow``, ``sponsored``, ``ugc``, ``noopener``).
        internal: Whether the target is on the post's own site (same host, ``www.`` aside);
            None when the post's link is unknown.

    """

    url: str
    text: str = ""
    rel: tuple[str, ...] = ()
    internal: bool | None = None


@attrs.frozen
class SrcsetCandidate:
    """One candidate of an image's ``srcset``: a URL and its descriptor (``"300w"``, ``"2x"``)."""

    url: str
    descriptor: str = ""


@attrs.frozen
class Image:
    """An image (``<img>``) in a rendered field.

    Attributes:
        url: The image's URL, resolved; lazy-loading attributes (``data-lazy-src``,
            ``data-src``, ``data-original``) are preferred to a placeholder ``src``.
        alt: The alternative text ("" when empty or absent).
        caption: The caption, from the enclosing ``figcaption`` or ``.wp-caption-text``.
        width: The ``width`` attribute in pixels, when it is a number.
        height: The ``height`` attribute in pixels, when it is a number.
        srcset: The ``srcset`` candidates, resolved.

    """

    url: str
    alt: str = ""
    caption: str = ""
    width: int | None = None
    height: int | None = None
    srcset: tuple[SrcsetCandidate, ...] = ()


@attrs.frozen
class MediaEmbed:
    """Embedded media: an iframe, a video or audio player, or an oEmbed block.

    Attributes:
        kind: ``"iframe"``, ``"video"``, ``"audio"``, ``"object"`` (``<object>`` or
            ``<embed>``: plugin media, Flash in old posts), ``"post"`` (a WordPress post embed)
            or ``"link"`` (an oEmbed block WordPress could not expand, holding a bare URL).
        url: The embedded resource's URL, resolved.
        provider: The provider, lower-case (``youtube``, ``vimeo``, ``twitter``, ``wordpress``,
            …), from the embed block's class or the URL's host; "" when unknown.
        title: The player's ``title`` attribute, or a post embed's title.
        caption: The caption of the enclosing figure.

    """

    kind: str
    url: str
    provider: str = ""
    title: str = ""
    caption: str = ""


@attrs.frozen
class Heading:
    """A heading (``<h1>`` … ``<h6>``) in a rendered field.

    Attributes:
        level: 1 to 6.
        text: The heading as plain text.
        id: The ``id`` attribute (the anchor WordPress or a table-of-contents plugin set), or "".

    """

    level: int
    text: str
    id: str = ""


# The name before 0.2, kept so that posts pickled by 0.1 unpickle (``wpparse.Embed`` is
# deprecated, see ``wpparse/__init__.py``).
Embed = MediaEmbed
