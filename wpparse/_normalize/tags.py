"""What each HTML element is to the normalizer: the one table that every reader of tags uses.

Marking the layout for `.text` (`wpparse._normalize.markers`), removing what is never shown
(`wpparse._normalize.cleanup`) and rendering Markdown (`wpparse._normalize.markdown`) each need to
know which elements are blocks, lines, lists, table parts, verbatim text or never shown. They
read it here, so that `.text` and `.markdown` cannot disagree about an element.
"""

from __future__ import annotations

import re

#: Headings.
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Elements whose text is kept verbatim, white space and all (``listing`` is ``pre`` by an old
#: name; ``xmp`` and ``plaintext`` hold raw text).
VERBATIM = frozenset({"pre", "listing", "xmp", "plaintext"})
#: Blocks: a blank line around each. (Lists, list items, tables and their parts have rules of
#: their own; so do quotes and figures in Markdown, which are blocks in `.text`.)
BLOCKS = (
    frozenset(
        {
            "p", "div", "section", "article", "aside", "header", "footer", "nav", "main",
            "address", "details", "summary", "fieldset", "legend", "form", "hgroup", "center",
            "dialog", "search", "figure", "blockquote", "dl", "hr",
        }
    )
    | HEADINGS
    | VERBATIM
)  # fmt: skip
#: Lists: a line break around each, and their items' bullets or numbers.
LISTS = frozenset({"ul", "ol", "menu", "dir"})
#: Elements that start a line of their own, but no blank line: line breaks, list items, the
#: terms and descriptions of a description list, a figure's caption.
LINES = frozenset({"br", "li", "dt", "dd", "figcaption"})
#: Elements whose content the HTML parser reads as raw text: nothing in it is a tag.
RAW_TEXT = frozenset(
    {"script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title", "plaintext"}
)
#: Elements whose content a reader never sees: removed with it.
NEVER_SHOWN = frozenset(
    {
        "script", "style", "template", "svg", "select", "textarea", "button", "datalist",
        "title", "noembed", "noframes", "head",
    }
)  # fmt: skip
#: Elements whose content is fallback for browsers without what they show (scripts, plugins,
#: players): not text, but they hold images and embeds, so they are left out of text only.
FALLBACK = frozenset({"noscript", "iframe", "video", "audio", "object", "canvas", "embed"})
#: Media that Markdown writes as a link to what they play.
EMBEDDED_MEDIA = frozenset({"iframe", "video", "audio", "object", "embed"})


def alternation(names: frozenset[str]) -> str:
    """A regular expression matching any of `names`, written as a tree of their letters.

    ``p|pre|div|dl`` becomes ``p(?:re)?|d(?:iv|l)``: at each ``<`` the regex engine then tries
    one or two branches instead of every name in turn, which keeps a pass over a long fragment
    several times faster.
    """
    return _tree(sorted(names))


def _tree(names: list[str]) -> str:
    branches = []
    by_first: dict[str, list[str]] = {}
    for name in names:
        by_first.setdefault(name[0], []).append(name[1:])
    for first, rests in by_first.items():
        ends_here = "" in rests
        longer = [rest for rest in rests if rest]
        if not longer:
            branches.append(re.escape(first))
            continue
        inner = _tree(longer)
        if "|" in inner or (ends_here and len(inner) > 1):
            inner = f"(?:{inner})"
        branches.append(f"{re.escape(first)}{inner}{'?' if ends_here else ''}")
    return "|".join(branches)
