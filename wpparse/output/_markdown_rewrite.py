"""Rewriting an exported post's Markdown for its new site: links, images and embeds.

- Links to other exported posts (by their WordPress address, with or without the trailing
  slash, a fragment kept) point to the post's new path, as Hugo serves it: ``/posts/slug/``.
- Images downloaded by `wpparse.output.local_images` point to their local copies.
- With Hugo's shortcodes, a YouTube or Vimeo player and an embedded tweet become
  ``{{< youtube ID >}}``, ``{{< vimeo ID >}}`` and ``{{< tweet user="…" id="…" >}}``; other
  embeds stay the links `.markdown` made of them.

Only link destinations are rewritten (what follows ``](`` in the Markdown), never text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import PurePosixPath
from urllib.parse import urlsplit, urlunsplit

from wpparse._structure.content import MediaEmbed

SHORTCODES = ("none", "hugo")
# A link or image destination: ``](url)``, ``](<url with spaces>)``, ``](url "title")``.
_DESTINATION = re.compile(r"\]\((<[^>\n]*>|[^)\s]+)(?=[)\s])")
_YOUTUBE = re.compile(
    r"https?://(?:www\.)?(?:youtube(?:-nocookie)?\.com/(?:embed/|watch\?v=|shorts/)|youtu\.be/)"
    r"([A-Za-z0-9_-]{6,})"
)
_VIMEO = re.compile(r"https?://(?:player\.)?vimeo\.com/(?:video/)?(\d+)")
_TWEET = re.compile(
    r"https?://(?:www\.)?(?:twitter|x)\.com/([A-Za-z0-9_]{1,15})/status(?:es)?/(\d+)"
)
_LINK_BLOCK = re.compile(r"\[[^\]\n]*\]\((?:<([^>\n]*)>|([^)\s]+))\)")


def site_path(relative: PurePosixPath) -> str:
    """The path a generator serves the file at `relative` under (Hugo: folders, then slug)."""
    parent = "/".join(relative.parent.parts)
    return f"/{parent}/{relative.stem}/" if parent else f"/{relative.stem}/"


def link_key(url: str) -> str:
    """`url` as links to one post are compared: no fragment or query, no trailing slash."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/"), "", ""))


def rewrite_destinations(markdown: str, new_url: Callable[[str], str | None]) -> tuple[str, int]:
    """`markdown` with each link or image destination that `new_url` knows replaced.

    `new_url` takes a destination and gives its new address, or None to leave it. Returns the
    text and how many destinations changed.
    """
    changed = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal changed
        given = match.group(1)
        url = given[1:-1] if given.startswith("<") else given
        new = new_url(url)
        if new is None:
            return match.group()
        changed += 1
        return f"]({'<' + new + '>' if ' ' in new else new}"

    return _DESTINATION.sub(replace, markdown), changed


def post_links(new_urls: Mapping[str, str]) -> Callable[[str], str | None]:
    """What `rewrite_destinations` takes for links to posts: `new_urls` by `link_key`.

    A fragment of the old link (``#section``) is kept.
    """

    def new_url(url: str) -> str | None:
        new = new_urls.get(link_key(url))
        if new is None:
            return None
        fragment = urlsplit(url).fragment
        return new + (f"#{fragment}" if fragment else "")

    return new_url


def hugo_shortcodes(markdown: str, embeds: Sequence[MediaEmbed]) -> str:
    """`markdown` with the YouTube, Vimeo and tweet embeds of `embeds` as Hugo's shortcodes."""
    if not embeds:
        return markdown
    wanted = {embed.url for embed in embeds}
    blocks = markdown.split("\n\n")
    for index, block in enumerate(blocks):
        shortcode = _shortcode(block, wanted)
        if shortcode is not None:
            blocks[index] = shortcode
    return "\n\n".join(blocks)


def _shortcode(block: str, wanted: set[str]) -> str | None:
    link = _LINK_BLOCK.fullmatch(block.strip())
    if link is not None:  # a player, as .markdown writes it: a link alone in its paragraph
        url = link.group(1) or link.group(2)
        if url in wanted:
            if (video := _YOUTUBE.match(url)) is not None:
                return f"{{{{< youtube {video.group(1)} >}}}}"
            if (video := _VIMEO.match(url)) is not None:
                return f"{{{{< vimeo {video.group(1)} >}}}}"
        return None
    lines = block.splitlines()
    if lines and all(line.startswith(">") for line in lines):  # a tweet, quoted
        for url in re.findall(r"\]\(([^)\s]+)\)", block):
            tweet = _TWEET.match(url)
            if tweet is not None and url in wanted:
                return f'{{{{< tweet user="{tweet.group(1)}" id="{tweet.group(2)}" >}}}}'
    return None
