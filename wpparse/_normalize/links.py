"""Links: every navigable ``<a href>``, with its text, ``rel`` and whether it stays on the site."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from wpparse._normalize.fragment import attributes
from wpparse._normalize.text import one_line
from wpparse._normalize.urls import UNSAFE_SCHEMES, Resolver, clean_url, site_host, url_scheme
from wpparse._structure.content import ContentLink

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
        values = attributes(anchor)
        href = values.get("href")
        if href is not None:
            found.append((href, anchor.text(), values.get("rel") or ""))
    return found


def finish_links(raw: list[RawLink], base_url: str | None) -> tuple[ContentLink, ...]:
    """Resolve, filter and describe the links read by `collect_links`."""
    base_host = site_host(base_url)
    resolve = Resolver(base_url)
    links = []
    for href, text, rel in raw:
        url = clean_url(href)
        if not url or url[0] == "#":
            continue
        scheme = url_scheme(url)
        if scheme in UNSAFE_SCHEMES:
            continue
        internal: bool | None = None
        if scheme is None:
            # A path (most links) stays on the post's site; "//host/…" may leave it.
            if base_host is not None and not url.startswith("//"):
                internal = True
            url = resolve(url)
        if internal is None and base_host is not None:
            internal = site_host(url) == base_host
        rel_tokens = tuple(rel.lower().split()) if rel else ()
        links.append(ContentLink(url, one_line(text) if text else "", rel_tokens, internal))
    return tuple(links)
