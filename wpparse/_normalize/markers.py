"""Marking the layout of rendered HTML with control characters, before it is parsed.

Lexbor's C-level ``text()`` is fast but flat: ``<p>a</p><p>b</p>`` gives ``ab``. So before
parsing, a few regular-expression passes over the raw HTML put control characters where the
layout breaks. They survive parsing as text, come out of ``text()`` in document order, and
`wpparse._normalize.text` turns them into blank lines, line breaks, tabs and bullets. Walking
the tree from Python instead would cost several times the parse.

- Block elements get two `BREAK` before their start tag and before their end tag, line
  elements (``br``, ``li``, ``dt``…) one before their start tag; two or more breaks in a row
  make a blank line, one a line break. (Two, so that text right before or after a block is a
  block of its own; lists get one, which the list passes below work with.)
- Table rows get a form feed (`ROW`) before their start tag: the only text the parser leaves in
  place directly inside a table is white space, and form feed is HTML white space. Cells get
  `CELL` just inside their start tag (text belongs there) and `CELL_END` before their end tag;
  the breaks of blocks inside a cell go, so a row stays one line. A cell right after its row's
  start begins a line; any other is a tab, so empty cells keep their columns.
- ``pre`` content sits between `PRE_START` and `PRE_END`, and keeps its white space.
- List items carry their bullet or number and their indentation, and `ITEM_END` before their
  end tag: an item with no text goes, bullet and all, and the breaks of blocks inside an item
  do not add up to a blank line before the next.

Every pass is a regular expression whose match is a plain ``<`` followed by a zero-width
look-ahead, replaced by a constant string, so the substitution runs in C: a replacement with a
group reference would call Python for each match.
"""

from __future__ import annotations

import itertools
import re

from wpparse._normalize.tags import BLOCKS, LINES, LISTS, RAW_TEXT, alternation

#: One break; two or more in a row (white space aside) make a blank line.
BREAK = "\x02"
#: A line break that never adds up to a blank line: the boundaries inside nested lists.
LINE = "\x08"
#: Before a table row: HTML white space, so the parser keeps it inside the table.
ROW = "\x0c"
#: Just inside a table cell's start tag.
CELL = "\x03"
#: Around the text of a ``pre`` element, whose white space is kept.
PRE_START = "\x04"
PRE_END = "\x05"
#: One level of list nesting: two spaces.
INDENT = "\x06"
#: An unordered list item's bullet.
BULLET = "\x07"
#: Around an ordered list item's number: ``\x01 3 \x01``.
NUMBER = "\x01"
#: Before the end tag of a list item.
ITEM_END = "\x0e"
#: Before the end tag of a table cell.
CELL_END = "\x0f"
#: Where `wpparse._normalize.text` removes an empty list item (never in marked HTML).
EMPTY_ITEM = "\x10"
#: What an ordered list item's number is written with: digits, letters or roman numerals.
LABEL = "-?[0-9A-Za-z]+"
#: An ordered list item's number, as marked.
LIST_NUMBER = re.compile(f"{NUMBER}{LABEL}{NUMBER}")
MARKERS = (
    BREAK + LINE + ROW + CELL + PRE_START + PRE_END + INDENT + BULLET + NUMBER + ITEM_END + CELL_END
) + EMPTY_ITEM

# Which elements are blocks, lines and lists is `wpparse._normalize.tags`'s to say.
_BLOCK_TAGS = alternation(BLOCKS)
_LINE_TAGS = alternation(LINES)
_LIST_TAGS = alternation(LISTS)
# Blocks other than lists: two breaks. Lists, and the start of line elements: one.
_BLOCK = re.compile(rf"<(?=/?(?:{_BLOCK_TAGS})[\s/>])")
_LIST_OR_LINE = re.compile(rf"<(?=/?(?:{_LIST_TAGS})[\s/>]|(?:{_LINE_TAGS})[\s/>])")
_LISTS_AND_LINES = LISTS | LINES
_ITEM_END = re.compile(r"<(?=/li[\s>])")
_CELL_END = re.compile(r"<(?=/t[dh][\s>])")
_BULLETS = re.compile(r"<(?=li[\s>])")
_ROWS = re.compile(r"<(?=tr[\s>])")
_CELL_TAG = re.compile(r"(<t[dh](?:\s[^>]*)?>)")
_TABLE_START = re.compile(r"<(?=table[\s>])")
_TABLE_BOUNDARY = re.compile(r"<(/?)table[\s>]")
_SPAN_ATTRIBUTE = re.compile(r"(?:col|row)span", re.IGNORECASE)
_TABLE_TAG = re.compile(r"<(/?)(table|tr|t[dh])(?=[\s/>])([^>]*)>")
_TAG_NAME = re.compile(r"(</?)([A-Za-z][A-Za-z0-9]*)")
# After the layout pass every list tag but ``</li>`` follows a BREAK: matching it first gives the
# pattern a fixed first character, which keeps the scan in C.
_LIST_BOUNDARY = re.compile(rf"<(/?)(?:{_LIST_TAGS})[\s>]")
_LIST_TAG = re.compile(f"({BREAK})<(/?)({_LIST_TAGS}|li)(\\s[^>]*)?>")
# A list's start or an item's value: not part of another name (data-start), ten digits at most
# (the HTML standard's integers; longer ones are no number, and would not be converted).
_NUMBER_ATTR = re.compile(
    r"""(?<![\w-])(start|value)\s*=\s*["']?\s*(-?\d{1,10})(?!\d)""", re.IGNORECASE
)
_REVERSED = re.compile(r"\sreversed(?![\w-])", re.IGNORECASE)
# A list's number style: its type attribute (case matters: "a" and "A" differ), or the CSS
# list-style-type in its style attribute.
_TYPE_ATTR = re.compile(r"""\s(?i:type)\s*=\s*["']?([1aAiI])(?![\w-])""")
_STYLE_ATTR = re.compile(r"""\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]*)""", re.IGNORECASE)
_LIST_STYLE_TYPE = re.compile(
    r"list-style(?:-type)?\s*:[^;\"']*?\b((?:lower|upper)-(?:alpha|latin|roman)|decimal)\b",
    re.IGNORECASE,
)
_CSS_STYLES = {
    "lower-alpha": "a",
    "lower-latin": "a",
    "upper-alpha": "A",
    "upper-latin": "A",
    "lower-roman": "i",
    "upper-roman": "I",
    "decimal": "1",
}
_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")
# Pre and listing keep their white space; the parser drops one line feed right after the tag.
# (xmp and plaintext, verbatim too, are raw text: see `_hide_raw_text`.)
_PRE_START = re.compile(r"(<(?:pre|listing)(?:\s[^>]*)?>)\n?")
_PRE_END = re.compile(r"<(?=/(?:pre|listing)>)")
# Raw text elements (`wpparse._normalize.tags.RAW_TEXT`): nothing in them is a tag, so nothing
# in them may be marked. (``plaintext`` runs to the end of the fragment.)
_RAW_TEXT_START = re.compile(rf"<({alternation(RAW_TEXT)})(?=[\s/>])[^>]*>")
_ANY_CASE_RAW_TEXT_START = re.compile(_RAW_TEXT_START.pattern, re.IGNORECASE)
# While the passes run, "<" in raw text is this character, which no input holds (see
# `wpparse._normalize.controls`) and no pass looks for.
_RAW_LT = "\x11"
_STRAY = re.compile(f"[{MARKERS}]")
#: Tag names, to know which passes a fragment needs (one scan instead of a test per tag).
TAG_NAMES = re.compile(r"<([A-Za-z][A-Za-z0-9]*)")


def without_marks(value: str) -> str:
    """`value` without layout marks: those marking put inside an attribute value (``alt="<p>"``).

    Marking puts them before anything that looks like a tag, in attribute values too, where
    they stand for nothing.
    """
    if value.isprintable():  # one test in C for every control character
        return value
    if NUMBER in value:
        value = LIST_NUMBER.sub("", value)
    return _STRAY.sub("", value)


def mark_layout(html: str, tags: set[str], uppercase: bool = False) -> str:
    """Return `html` with layout markers inserted.

    `html` holds no control character but tab and line feed
    (`wpparse._normalize.controls.without_controls`), so every mark is one of ours.
    `tags` are the (lower-case) names of its start tags; `uppercase` says whether some were
    written in upper case, which the passes below would not see.
    """
    raw_text = not RAW_TEXT.isdisjoint(tags)
    if raw_text:
        html = _hide_raw_text(html, uppercase)
    if uppercase:
        html = _TAG_NAME.sub(_lower_tag, html)
    if "pre" in tags or "listing" in tags:
        html = _PRE_START.sub(rf"\1{PRE_START}", html)
        html = _PRE_END.sub(PRE_END + "<", html)
    html = _BLOCK.sub(BREAK + BREAK + "<", html)
    if not _LISTS_AND_LINES.isdisjoint(tags):  # (an end tag without its start is no list)
        html = _LIST_OR_LINE.sub(BREAK + "<", html)
    if "li" in tags:
        if "ol" in tags or _has_nested_lists(html):
            html = _mark_lists(html)
        else:
            html = _BULLETS.sub(BULLET + "<", html)
        html = _ITEM_END.sub(ITEM_END + "<", html)
    if "table" in tags and (_has_spans(html, uppercase) or _has_nested_tables(html)):
        html = _mark_table_grid(html)
    elif "table" in tags:
        html = _TABLE_START.sub(BREAK + BREAK + "<", html)
        html = _ROWS.sub(ROW + "<", html)
        # After each cell's start tag. Split and joined rather than substituted: a substitution
        # that keeps the matched tag calls back into Python for every cell.
        parts = _CELL_TAG.split(html)
        parts[1::2] = [tag + CELL for tag in parts[1::2]]
        html = "".join(parts)
        html = _CELL_END.sub(CELL_END + "<", html)
        html = html.replace("</table>", "</table>" + BREAK + BREAK)
    if raw_text:
        html = html.replace(_RAW_LT, "<")
    return html


def _hide_raw_text(html: str, uppercase: bool) -> str:
    """`html` with the content of raw text elements out of the passes' sight.

    xmp and plaintext are shown verbatim, as pre is. Each element's end is found with a plain
    search (a lazy pattern over the whole rest of the fragment would cost far more).
    """
    start_tag = _ANY_CASE_RAW_TEXT_START if uppercase else _RAW_TEXT_START
    pieces = []
    done = 0
    while (start := start_tag.search(html, done)) is not None:
        name = start.group(1).lower()
        content_start = start.end()
        end = len(html) if name == "plaintext" else _raw_text_end(html, name, content_start)
        content = html[content_start:end].replace("<", _RAW_LT)
        if name in ("xmp", "plaintext"):
            content = PRE_START + content + PRE_END
        pieces.append(html[done:content_start])
        pieces.append(content)
        done = end
    pieces.append(html[done:])
    return "".join(pieces)


def _raw_text_end(html: str, name: str, start: int) -> int:
    """Where the raw text of element `name` that starts at `start` ends (its end tag)."""
    position = start
    while True:
        found = html.find("</", position)
        if found < 0:
            return len(html)
        candidate = html[found + 2 : found + 2 + len(name)]
        if candidate.lower() == name:
            after = html[found + 2 + len(name) : found + 3 + len(name)]
            if after in ("", ">", "/") or after.isspace():
                return found
        position = found + 2


def _has_spans(html: str, uppercase: bool) -> bool:
    """Whether some cell may span columns or rows (``colspan``, ``rowspan``)."""
    if "colspan" in html or "rowspan" in html:
        return True
    return uppercase and _SPAN_ATTRIBUTE.search(html) is not None


def _has_nested_tables(html: str) -> bool:
    """Whether a table starts inside another: two table start tags with no end tag between."""
    closings = _TABLE_BOUNDARY.findall(html)
    return any(not a and not b for a, b in itertools.pairwise(closings))


class _Table:
    """Where marking stands in one table: its row, its columns taken by cells from above."""

    __slots__ = ("end", "in_cell", "nested", "row", "start", "taken")

    def __init__(self, nested: bool) -> None:
        self.nested = nested  # inside another table's cell: laid out as that cell's text
        self.row = -1
        self.start = -1  # the column the row's last cell starts at (-1: none yet)
        self.end = 0  # the first column after it
        self.in_cell = False
        self.taken: set[tuple[int, int]] = set()  # (row, column) that rowspans reach into


def _mark_table_grid(html: str) -> str:
    """Mark tables one tag at a time, for what the passes cannot see: spans and nesting.

    A cell that ``colspan`` or ``rowspan`` pushes to the right gets an empty cell's mark for
    each column it skips, so it keeps its column. A table inside another's cell is laid out as
    that cell's text: its rows and cells are breaks and spaces, which the cell joins into one
    line. Only fragments with spans or nested tables take this way: it calls Python per tag.
    """
    tables: list[_Table] = []

    def mark(match: re.Match[str]) -> str:
        tag, closing, name, attributes = (
            match.group(),
            match.group(1),
            match.group(2),
            match.group(3),
        )
        table = tables[-1] if tables else None
        if name == "table":
            if closing:
                if tables:
                    tables.pop()
                return tag + (BREAK if table is not None and table.nested else BREAK + BREAK)
            nested = table is not None and (table.nested or table.in_cell)
            tables.append(_Table(nested))
            return (BREAK if nested else BREAK + BREAK) + tag
        if table is None:
            return tag  # a stray row or cell: the parser drops it
        if name == "tr":
            if closing:
                return tag
            table.row += 1
            table.start, table.end = -1, 0
            table.in_cell = False
            return (BREAK if table.nested else ROW) + tag
        if closing:  # </td>, </th>
            table.in_cell = False
            return tag if table.nested else CELL_END + tag
        table.in_cell = True
        if table.nested:
            return tag + " "
        column = table.end
        while (table.row, column) in table.taken:
            column += 1
        # Each cell's mark is a tab but the row's first, which starts the line: a cell at
        # column c needs c tabs before it, and takes the columns the marks do not account for.
        skipped = column - table.start - 1
        columns = _span(attributes, "colspan")
        if len(table.taken) < _MAX_TAKEN:  # a bound on the work an adversary can ask for
            for below in range(1, _span(attributes, "rowspan")):
                table.taken.update((table.row + below, column + n) for n in range(columns))
        table.start, table.end = column, column + columns
        return tag + CELL * (1 + skipped)

    return _TABLE_TAG.sub(mark, html)


# How many (row, column) places rowspans may reach into, per table: far more than any real
# table's, few enough that no input makes marking slow.
_MAX_TAKEN = 100_000


def _span(attributes: str | None, name: str) -> int:
    """A cell's colspan or rowspan: 1 unless it says more (at most 100, as browsers cap it)."""
    if not attributes or name not in attributes.lower():
        return 1
    match = re.search(rf"{name}\s*=\s*[\"']?\s*(\d{{1,4}})", attributes, re.IGNORECASE)
    return min(max(int(match.group(1)), 1), 100) if match else 1


def _has_nested_lists(html: str) -> bool:
    """Whether a list starts inside another: two list start tags with no end tag between."""
    closings = _LIST_BOUNDARY.findall(html)
    return any(not a and not b for a, b in itertools.pairwise(closings))


def _lower_tag(match: re.Match[str]) -> str:
    return match.group(1) + match.group(2).lower()


def _mark_lists(html: str) -> str:
    """Give each list item its number (ordered lists) and its indentation (nested lists)."""
    # One entry per open list: its next number, step and style, or None for an unordered list.
    open_lists: list[tuple[int, int, str] | None] = []
    # A reversed list counts down from its number of items, known only from a first pass.
    maybe_reversed = "reversed" in html or "REVERSED" in html
    reversed_counts = iter(_reversed_counts(html) if maybe_reversed else ())

    def mark(match: re.Match[str]) -> str:
        closing, name, attributes = match.group(2), match.group(3), match.group(4) or ""
        tag = match.group()
        line_break, tag = match.group(1), tag[len(match.group(1)) :]
        if name != "li":
            if closing and open_lists:
                open_lists.pop()
            nested = bool(open_lists)
            if not closing:
                numbering = None
                if name == "ol" and is_reversed(attributes):
                    count = next(reversed_counts, 1)
                    start = _or(number_attribute(attributes, "start"), count)
                    numbering = (start, -1, _number_style(attributes))
                elif name == "ol":
                    start = _or(number_attribute(attributes, "start"), 1)
                    numbering = (start, 1, _number_style(attributes))
                open_lists.append(numbering)
            # Inside a list, the start and end of a nested list only begin a new line.
            return (LINE if nested and line_break else line_break) + tag
        if closing:
            return line_break + tag
        # Inside a list, an item begins a new line; its bullet or number follows.
        if open_lists:
            line_break = LINE
        if not open_lists:  # an item outside any list: a bullet, as browsers draw it
            return line_break + BULLET + tag
        numbering = open_lists[-1]
        indent = INDENT * (len(open_lists) - 1)
        if numbering is None:
            return line_break + indent + BULLET + tag
        number, step, style = numbering
        number = _or(number_attribute(attributes, "value"), number)
        open_lists[-1] = (number + step, step, style)
        return f"{line_break}{indent}{NUMBER}{_label(number, style)}{NUMBER}{tag}"

    return _LIST_TAG.sub(mark, html)


def _reversed_counts(html: str) -> list[int]:
    """The number of items of each reversed ordered list, in the order the lists start."""
    counts: list[int] = []
    open_lists: list[int | None] = []  # per open list: its place in `counts`, if reversed
    for match in _LIST_TAG.finditer(html):
        closing, name, attributes = match.group(2), match.group(3), match.group(4) or ""
        if name == "li":
            if not closing and open_lists and (place := open_lists[-1]) is not None:
                counts[place] += 1
        elif closing:
            if open_lists:
                open_lists.pop()
        elif name == "ol" and is_reversed(attributes):
            open_lists.append(len(counts))
            counts.append(0)
        else:
            open_lists.append(None)
    return counts


def is_reversed(attributes: str) -> bool:
    """Whether a list's attributes make it count down (``reversed``).

    Looked for outside quoted values: ``class="a reversed"`` is not the attribute.
    """
    maybe = "reversed" in attributes or "REVERSED" in attributes
    return maybe and _REVERSED.search(_QUOTED.sub("", attributes)) is not None


def _number_style(attributes: str) -> str:
    """How a list's numbers are written: "1", "a", "A", "i" or "I".

    The list block writes its style as ``type``; CSS's ``list-style-type`` in the style
    attribute overrides it, as in browsers.
    """
    style = _STYLE_ATTR.search(attributes)
    css = _LIST_STYLE_TYPE.search(style.group(1)) if style is not None else None
    if css is not None:
        return _CSS_STYLES[css.group(1).lower()]
    written = _TYPE_ATTR.search(attributes)
    return written.group(1) if written is not None else "1"


def _label(number: int, style: str) -> str:
    """`number` written in `style`; in digits when the style has no way to write it (0, -1)."""
    if style == "1" or number <= 0:
        return str(number)
    if style in "aA":
        letters = ""
        while number:
            number, rest = divmod(number - 1, 26)
            letters = chr(ord(style) + rest) + letters
        return letters
    if number >= 4000:
        return str(number)
    roman = ""
    for value, numeral in _ROMAN:
        count, number = divmod(number, value)
        roman += numeral * count
    return roman if style == "I" else roman.lower()


def _or(number: int | None, default: int) -> int:
    return default if number is None else number


def number_attribute(attributes: str, name: str) -> int | None:
    """The number a list's ``start`` or an item's ``value`` says (None: none, or not a number)."""
    for match in _NUMBER_ATTR.finditer(attributes):
        if match.group(1).lower() == name:
            return int(match.group(2))
    return None
