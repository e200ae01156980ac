"""Shortcodes left unexpanded in rendered HTML (their plugin was not loaded for the REST request).

Only known shortcode names are touched, so ``[1]`` or ``[…]`` in text never are, and nothing
inside ``pre`` or ``code`` is (a tutorial about shortcodes shows them as they are):

- layout shortcodes of page builders (WPBakery ``vc_*``, Divi ``et_pb_*``, Avada
  ``fusion_*``, Enfold ``av_*``, …) are removed, their content kept as blocks;
- ``[caption]<img …> Text[/caption]`` becomes a figure with that caption;
- ``[embed]URL[/embed]`` becomes an embed block holding the URL.
"""

from __future__ import annotations

import re

# Names page builders and themes use for layout. Generic words ("row", "column") are left out:
# a post may well say "[row]" for itself.
_LAYOUT_NAMES = (
    r"vc_\w+|et_pb_\w+|fusion_\w+|av_\w+|cs_\w+|su_\w+|mk_\w+|ux_\w+|tm_\w+|themify_\w+"
    r"|cmsmasters_\w+|dt_\w+|one_half(?:_last)?|one_third(?:_last)?"
    r"|two_third(?:_last)?|one_fourth(?:_last)?|three_fourth(?:_last)?"
)
_LAYOUT = re.compile(rf"\[/?(?:{_LAYOUT_NAMES})(?=[\s\]/])[^\]]*\]")
_CAPTION = re.compile(r"\[(?:wp_)?caption\b[^\]]*\](.*?)\[/(?:wp_)?caption\]", re.DOTALL)
_CAPTION_IMAGE = re.compile(r"\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)", re.DOTALL)
_EMBED = re.compile(r"\[embed\b[^\]]*\]\s*(.*?)\s*\[/embed\]", re.DOTALL)
_EMBED_BLOCK = (
    r'<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\1</div></figure>'
)
_CODE = re.compile(r"(<pre\b.*?</pre\s*>|<code\b.*?</code\s*>)", re.DOTALL | re.IGNORECASE)
_ANY_KNOWN = re.compile(rf"\[/?(?:{_LAYOUT_NAMES}|(?:wp_)?caption|embed)\b")


def expand_shortcodes(html: str) -> str:
    """`html` with the known leftover shortcodes turned into the markup they stand for."""
    if not _ANY_KNOWN.search(html):
        return html
    if "<pre" in html or "<code" in html:
        # Odd parts are code: kept as they are.
        parts = _CODE.split(html)
        return "".join(part if index % 2 else _expand(part) for index, part in enumerate(parts))
    return _expand(html)


def _expand(html: str) -> str:
    if "caption" in html:
        html = _CAPTION.sub(_caption_figure, html)
    if "[embed" in html:
        html = _EMBED.sub(_EMBED_BLOCK, html)
    return _LAYOUT.sub("<div></div>", html)


def _caption_figure(match: re.Match[str]) -> str:
    inner = match.group(1)
    parts = _CAPTION_IMAGE.match(inner)
    if parts is None:
        return inner
    image, caption = parts.group(1), parts.group(2).strip()
    return (
        f'<figure class="wp-caption">{image}'
        f'<figcaption class="wp-caption-text">{caption}</figcaption></figure>'
    )
