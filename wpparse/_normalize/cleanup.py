"""Removing what a reader never sees from a parsed fragment.

Scripts, styles and other never-rendered elements are found by tag name with Lexbor's element
index (``tags()``, a fraction of a CSS query's cost; the fragment's tag names are known from one
scan of the HTML, so absent tags cost nothing). Hidden elements, screen-reader copies and plugin
chrome are found by their attributes in one CSS query: every query walks the whole tree and
parses its selector anew, so they are merged into one and kept short.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from wpparse._normalize.fragment import attribute
from wpparse._normalize.markers import BREAK
from wpparse._normalize.tags import FALLBACK, HEADINGS, NEVER_SHOWN

# Elements hidden by their attributes, and by their classes: screen-reader-only copies, plugin
# chrome (Jetpack sharing buttons and related posts, AddToAny) and the theme's "continue reading"
# link. Every CSS query walks the whole tree and parses its selector anew, so the query is made
# only of the selectors the raw HTML gives a reason for, and skipped when it gives none.
_HIDDEN_BY_ATTRIBUTE = '[hidden], [style*="display:none" i], [style*="display: none" i]'
# Invisible but keeping its place: anti-spam copies of e-mail addresses hide their decoys so.
_HIDDEN_BY_VISIBILITY = '[style*="visibility:hidden" i], [style*="visibility: hidden" i]'
_HIDDEN_BY_CLASS = {
    # Screen-reader-only text under the names WordPress, Bootstrap, HTML5 Boilerplate, Drupal
    # and older WordPress themes give it.
    "screen-reader-text": ".screen-reader-text",
    "sr-only": ".sr-only",
    "visually-hidden": ".visually-hidden",
    "visuallyhidden": ".visuallyhidden",
    "element-invisible": ".element-invisible",
    "assistive-text": ".assistive-text",
    "sharedaddy": ".sharedaddy",
    "jp-relatedposts": ".jp-relatedposts",
    "addtoany": ".addtoany_share_save_container",
    "more-link": "a.more-link",
}
# Class attribute values, quoted or not (unquoted, the capture runs on: more text, never less).
_CLASS_VALUES = re.compile(r"""class\s*=\s*["']?([^"'>]*)""")
_ANY_CASE_CLASS_VALUES = re.compile(_CLASS_VALUES.pattern, re.IGNORECASE)
# The hidden attribute itself (not "visuallyhidden" or "overflow: hidden").
_HIDDEN_ATTRIBUTE = re.compile(r"\shidden[\s=>/]", re.IGNORECASE)
_EMOJI = ("img.wp-smiley", "img.emoji")
# Footnote marks: by the classes WordPress and plugins give them, or a sup that holds a link to
# a place in the page, or is held by one, as LibreOffice and Markdown converters write them.
_FOOTNOTE_MARKS = ("sup.fn", "sup[data-fn]", "sup.footnote-ref")
_ANY_FOOTNOTE_MARK = ", ".join(_FOOTNOTE_MARKS)
_IN_PAGE_LINK = 'a[href^="#"]:not([href="#"])'
_LINKED_MARKS = (f"sup:has({_IN_PAGE_LINK})", f"{_IN_PAGE_LINK} > sup")
# What a linked mark without a footnote class says: a number, a letter or two, a roman numeral or
# a symbol, bracketed or not. (Anything longer is a superscript that happens to hold a link.)
_MARK_TEXT = re.compile(r"\[?(?:\d{1,4}|[a-z]{1,2}|[ivxlc]{1,6}|[*†‡§¶]{1,3})\]?", re.IGNORECASE)
# The links back from footnotes to where they are referenced: all in WordPress's footnotes
# block, and elsewhere those that are only an arrow.
_FOOTNOTE_BACKLINKS = ".wp-block-footnotes a[href^='#']"
_BACK_ARROWS = frozenset({"↩", "↩\ufe0e", "↩\ufe0f", "↑", "^", "⤴", "⤴\ufe0f", "⇧"})
# Inline elements that core blocks put side by side with nothing between, and what sets each
# apart: a space, or a line break (a space too, for `.markdown`, which reads no marks).
_SIDE_BY_SIDE = {
    "wp-block-file__button": " ",
    "wp-element-button": " ",
    "wp-block-latest-posts__post-date": " " + BREAK,
    "wp-block-latest-posts__post-author": " " + BREAK,
    "wp-block-latest-comments__comment-date": " " + BREAK,
}
# Links inside headings to a place in the page, and what a permalink anchor shows: a sign, or
# nothing (themes draw an icon with CSS).
_HEADING_ANCHORS = ", ".join(f"{name} a[href^='#']" for name in sorted(HEADINGS))
_PERMALINK_SIGNS = frozenset({"", "¶", "#", "§", "🔗", "⚓", "⚓\ufe0e", "⚓\ufe0f", "🔗\ufe0f"})


def class_values(html: str, uppercase: bool = False) -> str:
    """The values of every class attribute in `html`, joined by spaces.

    Short (a few hundred characters a post), so asking it whether a class can be present costs
    next to nothing, where a search of the whole fragment or a CSS query would not. `uppercase`
    says some tag names are in upper case, and so attribute names may be (``CLASS=``): matching
    without regard to case is slower, so only then.
    """
    return " ".join((_ANY_CASE_CLASS_VALUES if uppercase else _CLASS_VALUES).findall(html))


def remove_never_shown(tree: LexborHTMLParser, html: str, tags: set[str], classes: str) -> None:
    """Remove scripts, styles, hidden elements and plugin chrome; emoji images become text.

    Footnote marks (``<sup class="fn"><a>1</a></sup>``, ``<sup><a href="#fn1">1</a></sup>``)
    become ``[1]``, and the links back from the notes go. `html` is the raw fragment, `tags` its
    tag names and `classes` its `class_values`: they tell which of these can be present at all.
    """
    for name in NEVER_SHOWN & tags:
        # Asked afresh for each name: what an earlier removal took along is no longer listed.
        for node in tree.tags(name):
            node.decompose()
    selectors = _needed_selectors(html, tags, classes)
    if selectors:
        # Innermost first, so a node is never removed after an ancestor took it along.
        for node in reversed(tree.css(", ".join(selectors))):
            if node.tag == "img" and node.css_matches(", ".join(_EMOJI)):
                node.replace_with(attribute(node, "alt"))
            else:
                node.decompose()
    _readable_footnotes(tree, html, tags)
    _separate_side_by_side(tree, classes)
    if "a" in tags and not HEADINGS.isdisjoint(tags) and _may_link_to_the_page(html):
        _remove_permalink_anchors(tree)


def _separate_side_by_side(tree: LexborHTMLParser, classes: str) -> None:
    """Set apart the inline elements core blocks put side by side, as their styles show them.

    The File block's download button follows the file's link with nothing between
    (``reportDownload`` otherwise); the dates of Latest Posts and Latest Comments follow the
    title's link and show on a line of their own.
    """
    present = [name for name in _SIDE_BY_SIDE if name in classes]
    if not present:
        return
    for node in tree.css(", ".join(f".{name}" for name in present)):
        node.insert_before(_SIDE_BY_SIDE[_first_class(node, present)])


def _first_class(node: LexborNode, names: list[str]) -> str:
    classes = attribute(node, "class").split()
    return next((name for name in names if name in classes), names[0])


def _may_link_to_the_page(html: str) -> bool:
    # Two plain searches: a quoted attribute value that starts with "#" (links to a place in
    # the page, as WordPress and themes write them). An unquoted one is not looked for.
    return '="#' in html or "='#" in html


def _remove_permalink_anchors(tree: LexborHTMLParser) -> None:
    """Remove the links a heading holds to itself (``<a href="#x">¶</a>``): chrome, not text."""
    for node in tree.css(_HEADING_ANCHORS):
        if node.text().strip() in _PERMALINK_SIGNS and not node.css_first("img"):
            node.decompose()


def _readable_footnotes(tree: LexborHTMLParser, html: str, tags: set[str]) -> None:
    """Footnote marks become ``[1]``; the links back from the notes go."""
    selectors: list[str] = []
    if "sup" in tags:
        selectors.extend(_FOOTNOTE_MARKS)
        if "#" in html:
            selectors.extend(_LINKED_MARKS)
    if "a" in tags and "#" in html:
        if "wp-block-footnotes" in html:
            selectors.append(_FOOTNOTE_BACKLINKS)
        if any(arrow in html for arrow in "↩↑^⤴⇧"):
            selectors.append(_IN_PAGE_LINK)
    if not selectors:
        return
    # Innermost first: a mark inside a mark (LibreOffice nests sup, a, sup) is read once.
    for node in reversed(tree.css(", ".join(selectors))):
        text = " ".join(node.text().split())
        if node.tag == "a":
            if text in _BACK_ARROWS or node.css_matches(_FOOTNOTE_BACKLINKS):
                node.decompose()
        elif node.css_matches(_ANY_FOOTNOTE_MARK) or _MARK_TEXT.fullmatch(text):
            bracketed = text.startswith("[") and text.endswith("]")
            node.replace_with(text if bracketed or not text else f"[{text}]")


def _needed_selectors(html: str, tags: set[str], classes: str) -> list[str]:
    selectors = []
    # Without their first letter, the words are found in lower, upper and title case alike
    # ("Display:none") at the cost of two searches, not three.
    maybe_hidden = "idden" in html or "IDDEN" in html
    if "isplay" in html or "ISPLAY" in html or (maybe_hidden and _HIDDEN_ATTRIBUTE.search(html)):
        selectors.append(_HIDDEN_BY_ATTRIBUTE)
    if maybe_hidden and ("isibility" in html or "ISIBILITY" in html):
        selectors.append(_HIDDEN_BY_VISIBILITY)
    selectors.extend(css for marker, css in _HIDDEN_BY_CLASS.items() if marker in classes)
    if "img" in tags and ("emoji" in classes or "smiley" in classes):
        selectors.extend(_EMOJI)
    return selectors


def without_fallback(tree: LexborHTMLParser, tags: set[str]) -> LexborHTMLParser:
    """`tree`, or a copy of it without fallback content when it has any."""
    present = FALLBACK & tags
    if not present:
        return tree
    copy = tree.clone()
    for name in present:
        for node in copy.tags(name):
            node.decompose()
    return copy
