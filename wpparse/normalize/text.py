"""Plain text from rendered HTML: tags gone, entities decoded, white space collapsed.

Block elements end up separated by blank lines and list items, rows and ``<br>`` by line
breaks, so paragraphs stay paragraphs; inline tags add nothing, so words are never split.
"""

from __future__ import annotations

import html
import re

from selectolax.lexbor import LexborHTMLParser

from wpparse.normalize.fragment import parse_fragment

# Content that is never text a reader sees.
_INVISIBLE = "script, style, template, noscript, svg, select, textarea, button, [hidden]"
_BLOCKS = (
    "p, h1, h2, h3, h4, h5, h6, ul, ol, pre, blockquote, figure, table, dl, hr, div, section,"
    " article, aside, header, footer, nav, main, address, details, fieldset, form"
)
_LINES = "li, tr, dt, dd, figcaption, summary, caption"
# Structural breaks are inserted as private-use characters so that the white space of the
# source, newlines included, can be collapsed first without touching them.
_LINE = "\ue000"
_PARAGRAPH = "\ue001"
_WHITESPACE = re.compile(r"\s+")
_BREAKS = re.compile(r" ?[\ue000\ue001][\ue000\ue001 ]*")
# Characters that render as nothing: soft hyphen, zero-width space, word joiner, BOM.
_INVISIBLE_CHARS = str.maketrans("", "", "\u00ad\u200b\u2060\ufeff")


def inline_text(fragment: str) -> str:
    """One line of plain text (a title): entities decoded, tags gone, white space collapsed."""
    if "<" not in fragment:
        text = html.unescape(fragment) if "&" in fragment else fragment
    else:
        tree = parse_fragment(fragment)
        for node in tree.css(_INVISIBLE):
            node.decompose()
        text = tree.text()
    return " ".join(text.translate(_INVISIBLE_CHARS).split())


def block_text(fragment: str) -> str:
    """Plain text of an HTML fragment, blocks separated by blank lines, lines by line breaks."""
    if "<" not in fragment:
        return inline_text(fragment)
    tree = parse_fragment(fragment)
    return tree_text(tree)


def tree_text(tree: LexborHTMLParser) -> str:
    """Plain text of a parsed fragment (the tree is changed on the way)."""
    for node in tree.css(_INVISIBLE):
        node.decompose()
    for node in tree.css("br"):
        node.replace_with(_LINE)
    for node in tree.css(_LINES):
        node.insert_after(_LINE)
    for node in tree.css(_BLOCKS):
        node.insert_before(_PARAGRAPH)
        node.insert_after(_PARAGRAPH)
    return collapse_whitespace(tree.text())


def collapse_whitespace(text: str) -> str:
    """Collapse source white space to single spaces and structural breaks to line breaks.

    A run of breaks holding a paragraph break becomes one blank line, otherwise one newline;
    lines are trimmed and the text has no leading or trailing white space.
    """
    text = _WHITESPACE.sub(" ", text.translate(_INVISIBLE_CHARS))
    text = _BREAKS.sub(_break, text)
    return text.strip(" \n")


def _break(match: re.Match[str]) -> str:
    return "\n\n" if _PARAGRAPH in match.group() else "\n"
