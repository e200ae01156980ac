"""Shortcodes left unexpanded in rendered HTML (their plugin was not loaded for the REST request).

Only known shortcode names are touched, so ``[1]`` or ``[…]`` in text never are, and nothing
inside ``pre`` or ``code`` is (a tutorial about shortcodes shows them as they are):

- layout shortcodes of page builders (WPBakery ``vc_*``, Divi ``et_pb_*``, Avada
  ``fusion_*``, Enfold ``av_*``, …) are removed, their content kept as blocks;
- ``[caption]<img …> Text[/caption]`` becomes a figure with that caption;
- ``[embed]URL[/embed]`` becomes an embed block holding the URL;
- WordPress's media shortcodes: ``[video mp4="URL"]`` and ``[audio mp3="URL"]`` become the
  players they stand for (and go when they name no file); ``[gallery ids="…"]`` and
  ``[playlist ids="…"]`` go, since they name attachments by id only.

Unknown shortcodes stay as they are, as text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Names page builders and themes use for layout. Generic words ("row", "column") are left out:
# a post may well say "[row]" for itself.
_LAYOUT_NAMES = (
    r"vc_\w+|et_pb_\w+|fusion_\w+|av_\w+|cs_\w+|su_\w+|mk_\w+|ux_\w+|tm_\w+|themify_\w+"
    r"|cmsmasters_\w+|dt_\w+|one_half(?:_last)?|one_third(?:_last)?"
    r"|two_third(?:_last)?|one_fourth(?:_last)?|three_fourth(?:_last)?"
)
# A shortcode's attributes hold no "[" or "]": stopping at either keeps every attempt short, so
# a text full of unclosed "[caption " costs linear time, not quadratic.
_ATTRIBUTES = r"[^\[\]]*"
_LAYOUT = re.compile(rf"\[/?(?:{_LAYOUT_NAMES})(?=[\s\]/]){_ATTRIBUTES}\]")
_CAPTION_OPEN = re.compile(rf"\[(?:wp_)?caption\b{_ATTRIBUTES}\]")
_CAPTION_CLOSE = re.compile(r"\[/(?:wp_)?caption\]")
_CAPTION_IMAGE = re.compile(r"\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)", re.DOTALL)
_EMBED_OPEN = re.compile(rf"\[embed\b{_ATTRIBUTES}\]")
_EMBED_CLOSE = re.compile(r"\[/embed\]")
_CODE_OPEN = re.compile(r"<(?:pre|code)\b", re.IGNORECASE)
_CODE_CLOSE = {
    "pre": re.compile(r"</pre\s*>", re.IGNORECASE),
    "code": re.compile(r"</code\s*>", re.IGNORECASE),
}
_MEDIA = re.compile(rf"\[(video|audio|gallery|playlist)\b({_ATTRIBUTES})\]")
_MEDIA_CLOSE = re.compile(r"\[/(?:video|audio|gallery|playlist)\]")
# The attributes that name a player's file, most general first (WordPress's own list).
_MEDIA_FILES = {
    "video": ("src", "mp4", "m4v", "webm", "ogv", "wmv", "flv"),
    "audio": ("src", "mp3", "m4a", "ogg", "wav", "wma", "flac"),
}
_SHORTCODE_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s'"]+))""")
_ANY_KNOWN = re.compile(
    rf"\[/?(?:{_LAYOUT_NAMES}|(?:wp_)?caption|embed|video|audio|gallery|playlist)\b"
)


def expand_shortcodes(html: str) -> str:
    """`html` with the known leftover shortcodes turned into the markup they stand for."""
    if not _ANY_KNOWN.search(html):
        return html
    if "<pre" in html or "<code" in html or "<PRE" in html or "<CODE" in html:
        return "".join(part if is_code else _expand(part) for part, is_code in _split_code(html))
    return _expand(html)


def _split_code(html: str) -> list[tuple[str, bool]]:
    """`html` cut into runs of code (``pre`` and ``code`` elements, whole) and the rest.

    An element that is never closed is not code. Once an element of a kind finds no end tag,
    no later one of that kind can, so its kind is not looked for again: linear time, where a
    lazy ``<pre.*?</pre>`` would rescan the rest of the text for each unclosed ``<pre``.
    """
    parts: list[tuple[str, bool]] = []
    unclosable: set[str] = set()
    done = search_from = 0
    while (opening := _CODE_OPEN.search(html, search_from)) is not None:
        kind = opening.group()[1:].lower()
        closing = None if kind in unclosable else _CODE_CLOSE[kind].search(html, opening.end())
        if closing is None:
            unclosable.add(kind)
            if len(unclosable) == len(_CODE_CLOSE):
                break
            search_from = opening.end()
            continue
        parts.append((html[done : opening.start()], False))
        parts.append((html[opening.start() : closing.end()], True))
        done = search_from = closing.end()
    parts.append((html[done:], False))
    return parts


def _expand(html: str) -> str:
    if "caption" in html:
        html = _replace_pairs(html, _CAPTION_OPEN, _CAPTION_CLOSE, _caption_figure)
    if "[embed" in html:
        html = _replace_pairs(html, _EMBED_OPEN, _EMBED_CLOSE, _embed_block)
    html = _MEDIA.sub(_media_player, html)
    html = _MEDIA_CLOSE.sub("", html)
    return _LAYOUT.sub("<div></div>", html)


def _media_player(match: re.Match[str]) -> str:
    """A media shortcode as its player; "" for galleries, playlists and players without a file."""
    name = match.group(1)
    keys = _MEDIA_FILES.get(name)
    if keys is None:
        return ""
    found = {
        key.lower(): double or single or bare
        for key, double, single, bare in _SHORTCODE_ATTRIBUTE.findall(match.group(2))
    }
    url = next((found[key] for key in keys if found.get(key)), "")
    return f'<{name} src="{url}"></{name}>' if url else ""


def _replace_pairs(
    html: str, opening: re.Pattern[str], closing: re.Pattern[str], replace: Callable[[str], str]
) -> str:
    """Replace each opening shortcode, its content and the first closing one after it.

    An opening shortcode with no closing one after it ends the search (none after it can have
    one), which keeps the time linear however many are left unclosed.
    """
    out = []
    done = 0
    while (start := opening.search(html, done)) is not None:
        end = closing.search(html, start.end())
        if end is None:
            break
        out.append(html[done : start.start()])
        out.append(replace(html[start.end() : end.start()]))
        done = end.end()
    if not out:
        return html
    out.append(html[done:])
    return "".join(out)


def _caption_figure(inner: str) -> str:
    parts = _CAPTION_IMAGE.match(inner)
    if parts is None:
        return inner
    image, caption = parts.group(1), parts.group(2).strip()
    return (
        f'<figure class="wp-caption">{image}'
        f'<figcaption class="wp-caption-text">{caption}</figcaption></figure>'
    )


def _embed_block(inner: str) -> str:
    return (
        '<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">'
        f"{inner.strip()}</div></figure>"
    )
