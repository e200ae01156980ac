"""Markdown syntax for pieces of text: escapes, code spans, fences and link destinations.

Text is escaped as little as CommonMark allows, so that the Markdown stays readable: only the
characters that would otherwise start markup are backslash-escaped, and the ones that matter only
at the start of a line (``#``, ``>``, ``-``, ``1.``) are escaped there, once a paragraph's lines
are known.
"""

from __future__ import annotations

import re
import unicodedata
from string import punctuation

# Characters that start inline markup anywhere in a line.
# Characters that start inline markup anywhere in a line. (A lone tilde is safe in CommonMark,
# but GFM renderers strike text through between single tildes too.)
_INLINE_ESCAPES = str.maketrans(
    {char: "\\" + char for char in ("\\", "*", "_", "`", "[", "]", "<", "~")}
)
_NEEDS_ESCAPE = re.compile(r"[\\*_`\[\]<&~]")
# An ampersand that CommonMark would read as the start of an entity or character reference.
_ENTITY_LIKE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# What a paragraph line must not start with, lest it become a heading, a quote, a list item, a
# setext underline, a thematic break or a table's delimiter row. Group 1: where the backslash
# goes.
_LINE_START = re.compile(
    r"(?m)^(?:()(?:#{1,6}(?=[ \t]|$)|>|[-+](?=[ \t]|$)|=+[ \t]*$)"
    r"|\d{1,9}()[.)](?=[ \t]|$)"
    r"|[ \t:|]*()-[-:| \t]*$)"
)
# The characters `_LINE_START` can match first.
_LINE_STARTERS = frozenset("#>-+=0123456789 \t:|")
_CLOSING_HASHES = re.compile(r"(^|[ \t])(#+)$")
_BACKTICKS = re.compile(r"`+")
# The language of a code block in the classes that syntax highlighters write:
# ``language-php`` (Prism, highlight.js), ``lang-php``, ``lang:php`` (Crayon), ``brush: php;``
# (SyntaxHighlighter).
_LANGUAGE = re.compile(r"(?:^|[\s;])(?:language-|lang-|lang:\s*|brush:\s*)([A-Za-z0-9_+#.-]+)")
_NO_LANGUAGE = frozenset({"none", "plain", "nohighlight"})


def escape_text(text: str) -> str:
    """`text` (decoded, on one line) with the characters that would start markup escaped."""
    if _NEEDS_ESCAPE.search(text) is None:
        return text
    text = text.translate(_INLINE_ESCAPES)
    if "&" in text:
        text = _ENTITY_LIKE.sub(r"\\&", text)
    return text


def escape_line_starts(paragraph: str) -> str:
    """`paragraph` with a backslash where a line would start a block construct."""
    if paragraph[:1] not in _LINE_STARTERS and "\n" not in paragraph:
        return paragraph  # one line, starting with none of them: most paragraphs
    return _LINE_START.sub(_insert_backslash, paragraph)


def _insert_backslash(match: re.Match[str]) -> str:
    text = match.group()
    for group in (1, 2, 3):
        if match.group(group) is not None:
            split = match.start(group) - match.start()
            return text[:split] + "\\" + text[split:]
    return text  # pragma: no cover - every alternative has an empty group


def escape_closing_hashes(heading: str) -> str:
    """`heading` text whose trailing ``#`` run, which ATX would drop, is kept literal."""
    return _CLOSING_HASHES.sub(r"\1\\\2", heading)


def code_span(code: str) -> str:
    """`code` as a code span, with enough backticks around it not to end early."""
    longest = max((len(run) for run in _BACKTICKS.findall(code)), default=0)
    fence = "`" * (longest + 1)
    # CommonMark strips one space from each side, so a span touching a backtick is padded.
    pad = " " if code[0] == "`" or code[-1] == "`" else ""
    return f"{fence}{pad}{code}{pad}{fence}"


def code_block(code: str, language: str) -> str:
    """`code` as a fenced code block, the fence longer than any backtick run inside it."""
    longest = max((len(run) for run in _BACKTICKS.findall(code)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{language}\n{code}\n{fence}"


def language_of(classes: str) -> str:
    """The language named in a code element's classes ("" when none is)."""
    match = _LANGUAGE.search(classes)
    if match is None:
        return ""
    language = match.group(1).strip(".-")
    return "" if language.lower() in _NO_LANGUAGE else language


def destination(url: str) -> str:
    """`url` as a link destination, in angle brackets when it holds spaces or parentheses."""
    if "\\" in url:
        url = url.replace("\\", "\\\\")
    if not url or any(char in url for char in " ()<>") or not url.isprintable():
        return "<" + url.replace("<", "\\<").replace(">", "\\>") + ">"
    return url


def autolink(url: str) -> str:
    """`url` (absolute) as a link that shows itself: ``<url>``, or ``[url](url)`` when it can't."""
    if any(char in url for char in " <>") or not url.isprintable():
        return f"[{escape_text(url)}]({destination(url)})"
    return f"<{url}>"


def emphasis_holds(core: str, delimiter: str, before: str, after: str) -> bool:
    """Whether ``delimiter + core + delimiter`` between `before` and `after` parses as emphasis.

    CommonMark opens a delimiter run only where it is "left-flanking" and closes it only where
    it is "right-flanking": ``a**(b)**`` or ``**Note:**Text`` stay literal asterisks. `before`
    and `after` are the characters around the run ("" at a line's ends). A neighbour that is the
    delimiter's own character would join the run, so it counts against.
    """
    mark = delimiter[0]
    if mark == "_" and "word" in (_outside_class(before, mark), _outside_class(after, mark)):
        # Underscores never open or close emphasis inside a word (``snake_case_name``).
        return False
    # Inner delimiters of the same character join the run: the flanking characters are past them.
    start, end = 0, len(core)
    while start < end and core[start] == mark:
        start += 1
    while end > start and core[end - 1] == mark:
        end -= 1
    if start == end:
        return False
    backslashes = end - len(core[start:end].rstrip("\\"))
    # An escaped mark (``\*``) is no delimiter: the run starts after it.
    last_char = mark if backslashes % 2 and end < len(core) else core[end - 1]
    first, last = _inside_class(core[start]), _inside_class(last_char)
    if first == "space" or last == "space":
        return False
    if first == "punct" and _outside_class(before, mark) == "word":
        return False
    return not (last == "punct" and _outside_class(after, mark) == "word")


def is_punctuation(char: str) -> bool:
    """Whether CommonMark 0.31 counts `char` as punctuation (symbols included)."""
    return char in punctuation or unicodedata.category(char)[0] in "PS"


def _inside_class(char: str) -> str:
    # Inside, a symbol counts as punctuation (as in CommonMark 0.31): the stricter reading.
    if char.isspace():
        return "space"
    if is_punctuation(char):
        return "punct"
    return "word"


def _outside_class(char: str, mark: str) -> str:
    # Outside, a symbol counts as a word character (as in CommonMark 0.30): the stricter reading.
    if not char or char.isspace():
        return "space"
    if char == mark:
        return "word"
    if char in punctuation or unicodedata.category(char)[0] == "P":
        return "punct"
    return "word"
