"""Embeds: oEmbed blocks, iframes, video and audio players, and embedded posts."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from wpparse._normalize.figures import enclosing_caption, figure_of, inside
from wpparse._normalize.fragment import Attributes, attribute, attributes
from wpparse._normalize.text import attribute_text, one_line
from wpparse._normalize.urls import Resolver, clean_url, has_scheme, is_unsafe, site_host
from wpparse._structure.content import MediaEmbed

_SELECTOR = (
    ".wp-block-embed, iframe, video, audio, blockquote.wp-embedded-content,"
    " blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed,"
    " div.rll-youtube-player, object, embed"
)
# What inside an embed block says what it embeds, most telling first.
_INNER = "iframe, video, audio, blockquote, div.rll-youtube-player, a[href]"
_PROVIDER_CLASS = re.compile(r"\bis-provider-([a-z0-9-]+)|\bwp-block-embed-([a-z0-9-]+)")
# What Gutenberg names the provider of a URL that WordPress's own embed handlers (not oEmbed)
# took: a YouTube /embed/ link, a video file. It names no service.
_NO_PROVIDER = frozenset({"embed-handler"})
_SOCIAL = {
    "twitter-tweet": "twitter",
    "instagram-media": "instagram",
    "tiktok-embed": "tiktok",
    "wp-embedded-content": "wordpress",
}
# Hosts whose provider name differs from their second-level label.
_HOST_PROVIDERS = {
    "youtu.be": "youtube",
    "youtube-nocookie.com": "youtube",
    "x.com": "twitter",
    "t.co": "twitter",
    "fb.watch": "facebook",
    "redd.it": "reddit",
    "w.soundcloud.com": "soundcloud",
    "player.vimeo.com": "vimeo",
    "t.me": "telegram",
    "wp.me": "wordpress",
}
# Where lazy-loading plugins keep an iframe's URL, most trusted first; src then holds a blank.
_IFRAME_SOURCES = ("data-lazy-src", "data-src", "src")
# Second-level labels under which country domains register names: example.co.uk is "example".
_REGISTRY_LABELS = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "go"})
# An Instagram post's own address (the profile of its author is linked too).
_INSTAGRAM_POST = re.compile(r"instagram\.com/(?:[^/?#]+/)?(?:p|reel|tv)/")

#: An embed as read from the tree: (kind, url, provider, title, caption); url unresolved.
RawEmbed = tuple[str, str, str, str, str]


# Elements that are embeds whatever their class; figures and divs are when their class says so.
_EMBED_TAGS = frozenset({"iframe", "video", "audio", "blockquote", "object", "embed"})
_EMBED_CLASSES = ("wp-block-embed", "rll-youtube-player")


def collect_embeds(tree: LexborHTMLParser, tags: set[str], classes: str) -> list[RawEmbed]:
    """Read every embed of the tree, in document order, each once.

    `tags` are the tag names of the fragment and `classes` its class values: without an embed's
    tag or class, the CSS query (which walks the whole tree) is not made.
    """
    if not _EMBED_TAGS & tags and not any(name in classes for name in _EMBED_CLASSES):
        return []
    found: list[RawEmbed] = []
    handled: set[int] = set()
    captions: dict[int, str] = {}
    # The URL of the last embed if it was lazy-loaded: a noscript copy of it may follow.
    lazy_url: str | None = None
    for node in tree.css(_SELECTOR):
        if node.mem_id in handled:
            continue
        copied = None
        if lazy_url is not None and "noscript" in tags and inside(node, "noscript"):
            copied, lazy_url = lazy_url, None
        node_classes = attribute(node, "class")
        if node.tag == "object":
            # An embed or object inside is its fallback, for browsers without the plugin.
            for inner in node.css("object, embed"):
                handled.add(inner.mem_id)
            embed = _element(node, "", captions)
        elif "wp-block-embed" in node_classes and node.tag in ("figure", "div"):
            for inner in node.css(_SELECTOR):
                handled.add(inner.mem_id)
            embed = _embed_block(node, node_classes, captions)
        elif node.tag == "iframe" and "wp-embedded-content" in node_classes:
            # The hidden iframe of a WordPress post embed; its blockquote was reported.
            embed = None if "blockquote" in tags else _element(node, "", captions)
        else:
            embed = _element(node, "", captions)
        if copied is not None and (embed is None or _target(embed[1]) == _target(copied)):
            continue  # the original of the lazy embed just before, in noscript
        if embed is not None:
            found.append(embed)
            lazy_url = embed[1] if _is_lazy(node) else None
    return found


def _target(url: str) -> str:
    """What a noscript copy shares with its lazy original: the URL but its scheme and query.

    (WP Rocket keeps the query apart, and a lazy loader may write ``//host/…``.)
    """
    url = clean_url(url).split("#", 1)[0].split("?", 1)[0]
    return url.split("//", 1)[1] if "//" in url else url


def _is_lazy(node: LexborNode) -> bool:
    """Whether a lazy-loading plugin rewrote `node` (and left the original in ``noscript``)."""
    found = attributes(node)
    return (
        node.tag == "div"
        or "data-lazy-src" in found
        or "data-src" in found
        or bool(node.css_first("[data-lazy-src], [data-src], .rll-youtube-player"))
    )


def _embed_block(block: LexborNode, classes: str, captions: dict[int, str]) -> RawEmbed | None:
    """An oEmbed block (``figure.wp-block-embed``): what it wraps, or its bare URL."""
    if "is-type-wp-embed" in classes:
        # WordPress names the provider after the embedded site; it is a WordPress post embed.
        provider = "wordpress"
    else:
        match = _PROVIDER_CLASS.search(classes)
        provider = (match.group(1) or match.group(2)) if match else ""
        if provider in _NO_PROVIDER:
            provider = ""  # the URL's host says it
    caption = block.css_first("figcaption")
    caption_text = one_line(caption.text()) if caption is not None else ""
    inner = block.css_first(_INNER)
    if inner is not None and inner.tag != "a":
        embed = _element(inner, provider, captions)
        if embed is not None:
            kind, url, found_provider, title, _ = embed
            return kind, url, provider or found_provider, title, caption_text
    # WordPress could not expand it: the wrapper holds the bare URL (or a link to it).
    if inner is not None:
        url = attribute(inner, "href")
    else:
        url = one_line((block.css_first(".wp-block-embed__wrapper") or block).text())
    if not url or not has_scheme(clean_url(url)):
        return None
    return "link", url, provider or _provider_of(url), "", caption_text


def _element(node: LexborNode, provider: str, captions: dict[int, str]) -> RawEmbed | None:
    """An iframe, a media player or an embedded post's blockquote."""
    tag = node.tag
    found = attributes(node)
    caption = enclosing_caption(node, captions) if figure_of(node) is not None else ""
    if tag == "iframe":
        url = iframe_source(found)
        if not url or url == "about:blank":
            return None
        return "iframe", url, provider or _provider_of(url), found.get("title") or "", caption
    if tag in ("video", "audio"):
        url = found.get("src") or ""
        if not url:
            source = node.css_first("source[src]")
            url = attribute(source, "src") if source is not None else ""
        if not url:
            return None
        return tag, url, provider or _provider_of(url), found.get("title") or "", caption
    if tag == "blockquote":
        classes = found.get("class") or ""
        social = next((name for key, name in _SOCIAL.items() if key in classes), provider)
        url = found.get("data-instgrm-permalink") or found.get("cite") or ""
        title = ""
        links = node.css("a[href]")
        if not url and links:
            # A tweet's own address is its last link (the date); a post embed's is its first;
            # an Instagram post's is the first to a post, before the link to its author.
            chosen = links[0] if social == "wordpress" else links[-1]
            if social == "instagram":
                chosen = next(
                    (link for link in links if _INSTAGRAM_POST.search(attribute(link, "href"))),
                    links[0],
                )
            url = attribute(chosen, "href")
            title = one_line(chosen.text()) if social == "wordpress" else ""
        if not url:
            return None
        return "post", url, social or _provider_of(url), title, caption
    if tag in ("object", "embed"):  # plugin media, Flash in old posts
        url = found.get("data" if tag == "object" else "src") or ""
        if not url and tag == "object":
            param = node.css_first('param[name="movie" i], param[name="src" i], embed[src]')
            if param is not None:
                url = attribute(param, "src" if param.tag == "embed" else "value")
        if not url:
            return None
        return "object", url, provider or _provider_of(url), found.get("title") or "", caption
    if tag == "div":  # WP Rocket's lazy YouTube player
        url = rocket_player_url(found)
        if not url:
            return None
        return "iframe", url, "youtube", found.get("data-alt") or "", caption
    return None


def iframe_source(attributes: Attributes) -> str:
    """An iframe's URL: where a lazy-loading plugin moved it, or its ``src`` ("" when none)."""
    return next((value for key in _IFRAME_SOURCES if (value := attributes.get(key))), "")


def rocket_player_url(attributes: Attributes) -> str:
    """The video of WP Rocket's lazy YouTube player (``div.rll-youtube-player``), or ""."""
    url = attributes.get("data-src") or ""
    video_id = attributes.get("data-id") or ""
    if not url and video_id:
        url = f"https://www.youtube.com/embed/{video_id}"
    return url


def _provider_of(url: str) -> str:
    host = site_host(url)
    if not host:
        return ""
    if host in _HOST_PROVIDERS:
        return _HOST_PROVIDERS[host]
    labels = host.split(".")
    second = ".".join(labels[-2:])
    if second in _HOST_PROVIDERS:
        return _HOST_PROVIDERS[second]
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _REGISTRY_LABELS:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else host


def finish_embeds(raw: list[RawEmbed], base_url: str | None) -> tuple[MediaEmbed, ...]:
    """Resolve the embeds read by `collect_embeds`, leaving out unsafe URLs."""
    resolve = Resolver(base_url)
    embeds = []
    for kind, url, provider, title, caption in raw:
        cleaned = clean_url(url)
        if not cleaned or is_unsafe(cleaned):
            continue
        resolved = resolve(cleaned)
        provider = provider or _provider_of(resolved)
        embeds.append(MediaEmbed(kind, resolved, provider, attribute_text(title), caption))
    return tuple(embeds)
