"""Elements the Markdown renderer reads whole: their attributes, and content it skips or copies.

The renderer (`wpparse._normalize.markdown`) walks tokens, but some elements are read in one go
from the canonical HTML instead: a ``pre`` is copied verbatim, an ``iframe``'s raw text and a
player's fallback markup are skipped once the URL is known. Each function takes the source and
the position just after the start tag, and returns what it found and where reading goes on.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from wpparse._normalize.embeds import iframe_source, rocket_player_url
from wpparse._normalize.images import image_source, image_srcset, largest_candidate
from wpparse._normalize.markdown_escape import (
    autolink,
    code_block,
    destination,
    escape_text,
    language_of,
)
from wpparse._normalize.text import remove_invisible
from wpparse._normalize.urls import clean_url, has_scheme, is_unsafe, resolve

_ATTRIBUTE = re.compile(r'([^\s="]+)(?:="([^"]*)")?')
_ANY_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)
_BR_TAG = re.compile(r"<br(?:\s[^>]*)?>")
_FIRST_CODE_TAG = re.compile(r"<code(\s[^>]*)?>")
_IMG_TAG = re.compile(r"<img(\s[^>]*)?>")
_SOURCE_SRC = re.compile(r'<source\s(?:[^>]*?\s)?src="([^"]*)"')
# The parts of an object that may name what it plays: its params and its fallback embed.
_OBJECT_PARTS = re.compile(r"<(param|embed)(\s[^>]*)?>", re.IGNORECASE)
# The wrapper of an oEmbed block WordPress could not expand holds the bare URL.
_BARE_URL = re.compile(r"\s*([^<\s]+)\s*</div>")
_WHITE_SPACE = re.compile("[ \t\n\r\f\xa0]+")


def tag_attributes(raw: str) -> dict[str, str]:
    """The attributes of a start tag (the text after its name), values decoded."""
    found: dict[str, str] = {}
    for name, value in _ATTRIBUTE.findall(raw):
        if name not in found:
            found[name] = html.unescape(value) if "&" in value else value
    return found


def integer(value: str | None, default: int) -> int:
    """`value` as a number, or `default` when it is missing or not one."""
    try:
        return int(value) if value else default
    except ValueError:  # not a number, or too many digits to be one
        return default


def one_line(text: str) -> str:
    """`text` (decoded) with its white space collapsed and invisible characters removed."""
    return _WHITE_SPACE.sub(" ", remove_invisible(text)).strip()


def raw_content(source: str, name: str, position: int) -> tuple[str, int]:
    """The raw text of element `name` (``iframe``, ``xmp``…), and where its end tag ends."""
    end = source.find("</" + name, position)
    if end < 0:
        return source[position:], len(source)
    close = source.find(">", end)
    return source[position:end], (len(source) if close < 0 else close + 1)


def element_content(source: str, name: str, position: int) -> tuple[str, int]:
    """The markup inside element `name`, nested elements of that name included, and its end."""
    depth = 1
    for tag in _tags_named(name).finditer(source, position):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return source[position : tag.start()], tag.end()
    return source[position:], len(source)


@lru_cache(maxsize=32)
def _tags_named(name: str) -> re.Pattern[str]:
    return re.compile(f"<(/?){re.escape(name)}(?=[\\s>])[^>]*>")


def image_url(found: dict[str, str]) -> str | None:
    """The real URL of an image behind lazy loading, as `wpparse._normalize.images` finds it.

    Its source, or else the largest candidate of its srcset; None when it has only a
    placeholder.
    """
    url, _lazy = image_source(found)
    if url is None and (srcset := image_srcset(found)):
        url = largest_candidate(srcset)
    return url


def image(url: str, alt: str, base_url: str | None) -> str:
    """An image's Markdown."""
    return f"![{escape_text(alt)}]({destination(resolve(url, base_url))})"


def noscript_images(source: str, position: int) -> tuple[list[str], int]:
    """The start tags' attributes of the images in a ``noscript``, and where it ends."""
    inner, end = raw_content(source, "noscript", position)
    return [tag.group(1) or "" for tag in _IMG_TAG.finditer(inner)], end


def pre_code(source: str, name: str, raw_attributes: str, position: int) -> tuple[str, int]:
    """A ``pre`` as a fenced code block ("" when it is empty), and where it ends."""
    inner, end = element_content(source, name, position)
    # The language is named on the inner code element, or else on the pre.
    language = ""
    code_tag = _FIRST_CODE_TAG.search(inner)
    if code_tag is not None:
        language = language_of(tag_attributes(code_tag.group(1) or "").get("class") or "")
    language = language or language_of(tag_attributes(raw_attributes).get("class") or "")
    if "<" in inner:
        inner = _ANY_TAG.sub("", _BR_TAG.sub("\n", inner))
    return fenced(html.unescape(inner) if "&" in inner else inner, language), end


def raw_code(source: str, name: str, position: int) -> tuple[str, int]:
    """An ``xmp`` or ``plaintext`` (raw text shown preformatted) as a code block, and its end."""
    inner, end = raw_content(source, name, position)
    return fenced(inner, ""), end


def fenced(code: str, language: str) -> str:
    """`code` as a fenced code block, verbatim but for no-break and invisible characters."""
    code = remove_invisible(code.replace("\xa0", " ")).strip("\n")
    return code_block(code, language) if code.strip() else ""


def embed_link(
    source: str, name: str, raw_attributes: str, position: int, base_url: str | None
) -> tuple[str, int]:
    """An iframe, player or object as a link to what it embeds ("" when unsafe or missing).

    Its content, raw text or fallback markup, is skipped: the position returned is past it.
    """
    found = tag_attributes(raw_attributes)
    end, url = position, ""
    if name == "iframe":
        _, end = raw_content(source, name, position)
        if "wp-embedded-content" in (found.get("class") or ""):
            # The hidden twin of a WordPress post embed, whose blockquote is rendered already.
            return "", end
        url = iframe_source(found)
    elif name in ("video", "audio", "object"):
        inner, end = element_content(source, name, position)
        url = found.get("data" if name == "object" else "src") or ""
        inner_source = _SOURCE_SRC.search(inner) if not url else None
        if inner_source is not None:
            url = html.unescape(inner_source.group(1))
        if not url and name == "object":
            url = _object_fallback_url(inner)
    else:  # embed, which has no content
        url = found.get("src") or ""
    return _link_to(url, found.get("title"), base_url), end


def _object_fallback_url(inner: str) -> str:
    """The URL an object names in its ``<param name="movie">`` or fallback ``<embed src>``."""
    for tag, raw in _OBJECT_PARTS.findall(inner):
        found = tag_attributes(raw)
        if tag.lower() == "embed" and found.get("src"):
            return found["src"] or ""
        if (found.get("name") or "").lower() in ("movie", "src") and found.get("value"):
            return found["value"] or ""
    return ""


def player_link(raw_attributes: str, base_url: str | None) -> str:
    """WP Rocket's lazy YouTube player as a link to its video ("" when it names none)."""
    found = tag_attributes(raw_attributes)
    return _link_to(rocket_player_url(found), found.get("data-alt"), base_url)


def _link_to(url: str, title: str | None, base_url: str | None) -> str:
    """A link to what an element embeds ("" when its URL is unsafe or missing)."""
    url = clean_url(url)
    if not url or url == "about:blank" or is_unsafe(url):
        return ""
    title = one_line(title or "") or "Embedded content"
    return f"[{escape_text(title)}]({destination(resolve(url, base_url))})"


def bare_embed_url(source: str, position: int) -> tuple[str, int] | None:
    """For an oEmbed wrapper that holds nothing but an absolute URL: its autolink and end."""
    bare = _BARE_URL.match(source, position)
    if bare is None:
        return None
    url = clean_url(html.unescape(bare.group(1)))
    if not has_scheme(url) or is_unsafe(url):
        return None
    return autolink(url), bare.end()
