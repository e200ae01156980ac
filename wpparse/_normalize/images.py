"""Images: the real URL of each ``<img>`` (lazy loading undone), its sizes, alt text and caption."""

from __future__ import annotations

import re

import attrs
from selectolax.lexbor import LexborHTMLParser

from wpparse._normalize.figures import enclosing_caption, inside
from wpparse._normalize.fragment import Attributes, attributes
from wpparse._normalize.text import attribute_text
from wpparse._normalize.urls import Resolver, clean_url, is_unsafe
from wpparse._structure.content import Image, SrcsetCandidate

# Where lazy-loading plugins keep the real URL, in the order they are trusted; src comes last
# because it then holds a placeholder.
_SOURCES = ("data-lazy-src", "data-src", "data-original", "src")
_SRCSETS = ("data-lazy-srcset", "data-srcset", "srcset")
# A srcset candidate's start: white space and commas (taken whole), then its URL.
_SRCSET_URL = re.compile(r"[\s,]*+(\S+)")

#: An image as read from the tree: (url, srcset, alt, caption, width, height, in_noscript,
#: lazy); url is None when the image had only a placeholder, lazy says a lazy-loading plugin
#: rewrote it (so a ``noscript`` copy of it follows).
RawImage = tuple[str | None, str, str, str, str, str, bool, bool]


def collect_images(tree: LexborHTMLParser, tags: set[str]) -> list[RawImage]:
    """Read every ``<img>`` of the tree, in document order."""
    if "img" not in tags:
        return []
    captions: dict[int, str] = {}
    found = []
    maybe_in_noscript = "noscript" in tags
    for node in tree.tags("img"):
        # All attributes as a dict at once: each lookup in Lexbor's view of them costs more
        # than building the dict, and an image is asked for seven.
        values = attributes(node)
        url, lazy = image_source(values)
        found.append(
            (
                url,
                image_srcset(values),
                values.get("alt") or "",
                enclosing_caption(node, captions),
                values.get("width") or "",
                values.get("height") or "",
                maybe_in_noscript and inside(node, "noscript"),
                lazy,
            )
        )
    return found


def image_source(attributes: Attributes) -> tuple[str | None, bool]:
    """An image's real URL (None if it has only a placeholder), and whether it was lazy.

    `attributes` are those of its ``<img>`` tag.
    """
    lazy = False
    for key in _SOURCES:
        value = clean_url(attributes.get(key) or "")
        if not value:
            continue
        if value.startswith("data:") or is_unsafe(value):
            lazy = True
            continue
        return value, lazy or key != "src"
    return None, True


def image_srcset(attributes: Attributes) -> str:
    """An image's ``srcset``, or the one a lazy-loading plugin moved aside ("" when none)."""
    return next((value for key in _SRCSETS if (value := attributes.get(key))), "")


def largest_candidate(srcset: str) -> str | None:
    """The URL, as written, of the largest candidate in `srcset` (None when it has none)."""
    candidates = parse_srcset(srcset, Resolver(None))
    return _largest(candidates).url if candidates else None


def finish_images(raw: list[RawImage], base_url: str | None) -> tuple[Image, ...]:
    """Resolve the images read by `collect_images`, merging the copies lazy loading makes.

    A lazy-loading plugin writes each image twice: a placeholder ``<img>`` and the real one in
    ``<noscript>``, after it (most plugins) or before it (Autoptimize). The copy in
    ``noscript`` fills in a placeholder next to it, and is dropped when the image it repeats
    was already found. An image known only by its ``srcset`` (lazysizes' ``data-srcset``) has
    the largest candidate's URL.
    """
    resolve = Resolver(base_url)
    images: list[Image] = []
    seen: set[str] = set()
    lazy: int | None = None  # index in `images` of a lazy image whose noscript copy may follow
    copy: int | None = None  # index in `images` of a noscript copy whose lazy image may follow
    for url, srcset, alt, caption, width, height, in_noscript, was_lazy in raw:
        resolved = resolve(url) if url is not None else None
        image = Image(
            url=resolved or "",
            alt=attribute_text(alt),
            caption=caption,
            width=_pixels(width),
            height=_pixels(height),
            srcset=parse_srcset(srcset, resolve) if srcset else (),
        )
        if in_noscript:
            if lazy is not None and images[lazy].url in ("", resolved):
                # The original of the lazy image just before: one image, its URL the real one.
                # (Another image in a noscript, after a lazy one whose URL is known, is not.)
                images[lazy] = _merge(images[lazy], image)
                seen.add(images[lazy].url)
                lazy = None
                continue
            if resolved is None or resolved in seen:
                continue
            copy = len(images)
        elif copy is not None and was_lazy and resolved in (None, images[copy].url):
            # The lazy image whose original came just before, in noscript: one image.
            images[copy] = _merge(image, images[copy])
            copy = None
            continue
        else:
            copy = None
        lazy = len(images) if was_lazy and not in_noscript else None
        if resolved:
            seen.add(resolved)
        images.append(image)
    return tuple(
        image if image.url else attrs.evolve(image, url=_largest(image.srcset).url)
        for image in images
        if image.url or image.srcset
    )


def _largest(candidates: tuple[SrcsetCandidate, ...]) -> SrcsetCandidate:
    """The candidate of the largest width or density (the last one when none says)."""
    return max(reversed(candidates), key=lambda candidate: _size(candidate.descriptor))


def _size(descriptor: str) -> float:
    number = descriptor[:-1]
    try:
        return float(number) if descriptor[-1:] in ("w", "x") and number else 0.0
    except ValueError:
        return 0.0


def _merge(lazy: Image, original: Image) -> Image:
    """A lazy image and its ``noscript`` original as one: the original's URL, any known detail."""
    return Image(
        original.url or lazy.url,
        lazy.alt or original.alt,
        lazy.caption or original.caption,
        lazy.width if lazy.width is not None else original.width,
        lazy.height if lazy.height is not None else original.height,
        lazy.srcset or original.srcset,
    )


def _pixels(value: str) -> int | None:
    # ASCII digits only ("²" and "١" are digits to str.isdigit), and few enough to be a size:
    # longer strings would not even convert.
    value = value.strip()
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 10 else None


def parse_srcset(srcset: str, resolve: Resolver) -> tuple[SrcsetCandidate, ...]:
    """The candidates of a ``srcset`` attribute, following the HTML standard's parsing rules.

    URLs may hold commas (``?resize=300,200``); a comma ends a candidate only after a URL's
    end or after its descriptor.
    """
    candidates = []
    position, length = 0, len(srcset)
    while True:
        # White space and commas, then the URL: all up to the next white space.
        start = _SRCSET_URL.match(srcset, position)
        if start is None:
            break
        url, position = start.group(1), start.end()
        descriptor = ""
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            end = srcset.find(",", position)
            end = length if end < 0 else end
            descriptor = " ".join(srcset[position:end].split())
            position = end + 1
        url = clean_url(url)
        if url and not is_unsafe(url):
            candidates.append(SrcsetCandidate(resolve(url), descriptor))
    return tuple(candidates)
