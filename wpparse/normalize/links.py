"""Links: every navigable ``<a href>``, with its text, ``rel`` and whether it stays on the site."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from wpparse.normalize.text import one_line
from wpparse.normalize.urls import Resolver, clean_url, is_unsafe, site_host
from wpparse.structure.content import ContentLink

#: A link as read from the tree: (href, text, rel), not yet resolved.
RawLink = tuple[str, str, str]


# Players whose content is fallback for browsers without them: WordPress's [audio] and [video]
# put a link to the file there, which a reader with a browser never sees.
_PLAYERS = ("audio", "video", "object")


def collect_links(tree: LexborHTMLParser, tags: set[str]) -> list[RawLink]:
    """Read every ``<a href>`` of the tree, in document order, but the fallback of players."""
    if "a" not in tags:
        return []
    players = [name for name in _PLAYERS if name in tags]
    fallback = (
        {node.mem_id for node in tree.css(", ".join(f"{name} a" for name in players))}
        if players
        else set()
    )
    found = []
    for anchor in tree.tags("a"):
        if fallback and anchor.mem_id in fallback:
            continue
        attributes = anchor.attrs
        href = attributes.get("href")
        if href is not None:
            found.append((href, anchor.text(), attributes.get("rel") or ""))
    return found


def finish_links(raw: list[RawLink], base_url: str | None) -> tuple[ContentLink, ...]:
    """Resolve, filter and describe the links read by `collect_links`."""
    base_host = site_host(base_url)
    resolve = Resolver(base_url)
    links = []
    for href, text, rel in raw:
        url = clean_url(href)
        if not url or url.startswith("#") or is_unsafe(url):
            continue
        url = resolve(url)
        host = site_host(url)
        internal = None if base_host is None else host == base_host
        links.append(ContentLink(url, one_line(text), tuple(rel.lower().split()), internal))
    return tuple(links)
