"""Plain text: turning the marked output of Lexbor's ``text()`` into laid-out lines.

See `wpparse._normalize.markers` for the markers. Every step is a ``str`` method or a regular
expression that starts with a fixed character, so each is one pass in C over the text: a
general white-space pattern would run the regex engine at every character, several times
slower than the parse itself.
"""

from __future__ import annotations

import html
import re

from wpparse._normalize.markers import (
    BREAK,
    BULLET,
    CELL,
    CELL_END,
    EMPTY_ITEM,
    INDENT,
    ITEM_END,
    LABEL,
    LINE,
    LIST_NUMBER,
    MARKERS,
    NUMBER,
    PRE_END,
    PRE_START,
    ROW,
    without_marks,
)

#: The bullet in front of unordered list items.
BULLET_TEXT = "• "
# Two or more breaks, with spaces (or line markers) between or after them: a blank line. One
# break: a line break.
_BLANK_LINE = re.compile(f"{BREAK}[{BREAK}{LINE} ]*{BREAK}[{LINE} ]*")
_LINE_BREAK = re.compile(f"{BREAK} *")
_ANY_LINE_BREAK = re.compile(f"[{BREAK}{LINE}][{BREAK}{LINE} ]*")
# What goes before the end of an item or a cell, a nested item or a blank line (see `_flow`).
_BREAKS = " " + BREAK + LINE
# Runs of spaces left within lines. Written with two literal spaces first, so the regex engine
# searches for the pair in C instead of stopping at every space.
_SPACES = re.compile("   *")
# A row with no text in its cells (empty cells, a rule): it goes, as a line of tabs would say
# nothing. It ends where the next row or the table does.
_EMPTY_ROW = re.compile(f"{ROW}[{CELL} ]*(?=[{ROW}{BREAK}]|\\Z)")
# A row's start followed (after white space) by its first cell: the line break, no tab.
_ROW_START = re.compile(f"{ROW}\\s*{CELL}")
_PRE = re.compile(f"{PRE_START}(.*?){PRE_END}", re.DOTALL)
_NUMBERED = re.compile(f"{NUMBER}({LABEL}){NUMBER} ?")
# A block that opens inside a list item (``<li><p>``) starts on the bullet's line.
_AFTER_BULLET = re.compile(f"{BULLET}[ {BREAK}{LINE}]+")
_AFTER_NUMBER = re.compile(f"({NUMBER}{LABEL}{NUMBER})[ {BREAK}{LINE}]+")
_STRAY = re.compile(f"[{MARKERS}]")
# An item (from its bullet or number) whose text goes on after a line break or a blank line: a
# line or block that continues it. (The scan from each mark stops at the next: linear time.)
_CONTINUED_ITEM = re.compile(
    f"[{BULLET}{NUMBER}][^{BULLET}{NUMBER}{ITEM_END}]*?[^ {BREAK}{LINE}{BULLET}{NUMBER}]"
    f"[ ]*{BREAK}[ {BREAK}{LINE}]*"
    f"[^ {BREAK}{LINE}{INDENT}{BULLET}{NUMBER}{ITEM_END}{ROW}{CELL}{PRE_START}]"
)
_ITEM_TOKENS = re.compile(
    # Each alternative starts with one of a few marks, so the regex engine skips the text
    # between them fast (an optional prefix would make it try every position).
    f"{BULLET}|{NUMBER}(?P<label>{LABEL}){NUMBER}|{ITEM_END}"
    f"|{CELL}|{CELL_END}"
    f"|(?P<breaks>{BREAK}[ {BREAK}{LINE}]*)"
    f"(?=[^ {BREAK}{LINE}{INDENT}{BULLET}{NUMBER}{ITEM_END}{ROW}{CELL}{PRE_START}])"
)
# The width of a bullet or number under which an item's continued blocks start: spaces that no
# pass collapses, made spaces at the end. (Input no-break spaces are spaces by then.)
_HANGING = "\xa0"
# Only from the first tab of a run: tried from each, a long run not at a line's end would take
# time in the square of its length.
_TRAILING_TABS = re.compile("(?<!\t)\t++\n")
# Text that begins with the end of a list item (after the pre it held) and the next item.
_NEXT_ITEM_FIRST = re.compile(
    f"[ \n\t\r{BREAK}{LINE}]*{ITEM_END}[ \n\t\r]*[{BREAK}{LINE}]{INDENT}*[{BULLET}{NUMBER}]"
)
# A list item with nothing in it, from its bullet or number to its end. (Two patterns, each
# starting with one fixed character: the regex engine finds that several times faster than the
# first of a set, or of alternatives.)
_EMPTY_BULLETED_ITEM = re.compile(f"{BULLET}[ {BREAK}{LINE}]*{ITEM_END}")
_EMPTY_NUMBERED_ITEM = re.compile(f"{NUMBER}{LABEL}{NUMBER}[ {BREAK}{LINE}]*{ITEM_END}")
_EMPTY_ITEM_ROUNDS = 4
# Breaks between the blocks of one cell, with the spaces around them.
_BREAKS_IN_CELL = re.compile(f"[ {BREAK}{LINE}]*[{BREAK}{LINE}][ {BREAK}{LINE}]*")
# The breaks of blocks that start a cell: its text begins where the cell does.
_AFTER_CELL = re.compile(f"{CELL}[ {BREAK}{LINE}]+")
# Characters that render as nothing: soft hyphen, zero-width space, word joiner, BOM. (ZWNJ and
# ZWJ stay: emoji sequences and Indic scripts need them.)
_INVISIBLE = ("\u00ad", "\u200b", "\u2060", "\ufeff")
# Each CJK ideograph or kana is a word; other words are runs of non-space characters, unless
# they hold no letter or digit (a dash, a bullet, 「 or 。).
# (Katakana's middle dot ・ and double hyphen ゠ are separators, not kana: see below.)
_CJK = "\u3040-\u309f\u30a1-\u30fa\u30fc-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# The bytes that begin the UTF-8 of U+3000 to U+9FFF and U+F000 to U+FFFF, where the CJK
# characters above are: deleting all others with bytes.translate (a table lookup in C) tells
# whether any is there at a fraction of the cost of looking at each character.
_NOT_CJK_LEADS = bytes(byte for byte in range(256) if not (0xE3 <= byte <= 0xE9 or byte == 0xEF))
# Katakana's middle dot and double hyphen separate words, as spaces do (ジョン・スミス).
_SEPARATORS = "\u30fb\u30a0"
_WORD = re.compile(f"[{_CJK}]|[^\\s{_CJK}{_SEPARATORS}]+")
_NOT_A_WORD = re.compile(
    f"(?<![^\\s{_CJK}{_SEPARATORS}])[^\\s\\w{_SEPARATORS}]+(?![^\\s{_CJK}{_SEPARATORS}])"
)
# Without CJK, words are counted by str.split, and the runs that are no words by this pattern
# over the words joined by single spaces: it starts with one fixed character, which the regex
# engine finds fast (a pattern that starts with a set or a look-behind is searched for several
# times slower, and counting would cost more than laying out the text).
_NOT_A_WORD_AFTER_SPACE = re.compile(r" [^\s\w]+(?=\s|\Z)")


def finish_text(raw: str) -> tuple[str, int]:
    """Lay out the text that Lexbor's ``text()`` gave for a marked fragment.

    Returns the text, and how many list item numbers (``1. ``) it shows: they are the list's,
    not the writer's words.
    """
    raw = remove_invisible(raw)
    for separator in ("\u2028", "\u2029"):  # Unicode's line and paragraph separators
        if separator in raw:
            raw = raw.replace(separator, BREAK)
    if PRE_START in raw:
        # Even parts flow; odd parts are the text of pre elements, kept verbatim. Each is a
        # block of its own, so they are joined by blank lines; but a pre that begins a list
        # item starts on the line of its bullet or number, and one that ends an item is
        # followed by the next item on the next line.
        # (Pieces joined once at the end: adding each to a growing string takes time in the
        # square of their number.)
        pieces: list[str] = []
        next_item = False
        for index, part in enumerate(_PRE.split(raw)):
            verbatim = index % 2 == 1
            piece = _verbatim(part) if verbatim else _flow(part).strip(" \n")
            if not verbatim:
                next_item = _NEXT_ITEM_FIRST.match(part) is not None
            if not piece:
                continue
            if pieces and not pieces[-1].endswith((BULLET, NUMBER)):
                pieces.append("\n" if next_item and not verbatim else "\n\n")
            pieces.append(piece)
        text = "".join(pieces)
    else:
        text = _flow(raw)
    if BULLET in text:
        text = text.replace(BULLET + " ", BULLET).replace(BULLET, BULLET_TEXT)
    numbers = 0
    if NUMBER in text:
        text, numbers = _NUMBERED.subn(r"\1. ", text)
    if INDENT in text:
        text = text.replace(INDENT, "  ")
    if _HANGING in text:
        text = text.replace(_HANGING, " ")
    if any(marker in text for marker in MARKERS):
        text = _STRAY.sub("", text)
    # Tabs stay: an empty first or last cell keeps its column. Spaces stay at the start of a
    # pre's text (pieces that flow were stripped already).
    if "\t" in text and "\t\n" in text:  # an empty last cell: no line ends in a tab
        text = _TRAILING_TABS.sub("\n", text)
    return (text.lstrip("\n") if PRE_START in raw else text.lstrip(" \n")).rstrip(" \t\n"), numbers


def _flow(text: str) -> str:
    """Collapse white space to single spaces and markers to line breaks and tabs."""
    for space in ("\n", "\t", "\r", "\xa0"):  # the passes below take only spaces as such
        if space in text:
            text = text.replace(space, " ")
    # The breaks of blocks that end an item or a cell go: the end of either ends a line already.
    if ITEM_END in text:
        # An item that holds only empty items is empty once they go: another round finds it.
        # (A few rounds cover any list a writer makes; each is one pass, so the cost stays
        # linear however deep an adversary nests them.)
        # (Only nested lists, marked by their indentation, can have such items.)
        for _ in range(_EMPTY_ITEM_ROUNDS if INDENT in text else 1):
            found = 0
            if BULLET in text:
                text, found = _EMPTY_BULLETED_ITEM.subn(EMPTY_ITEM, text)
            if NUMBER in text:
                text, numbered = _EMPTY_NUMBERED_ITEM.subn(EMPTY_ITEM, text)
                found += numbered
            if not found:
                break
            text = _drop_empty_items(text)
        if _CONTINUED_ITEM.search(text):
            text = _indent_continued_items(text)
        text = _strip_before(text, ITEM_END, "")
    if CELL_END in text:
        # The breaks after a cell's start go first, while the end of an empty cell still stops
        # them from taking the breaks of the block after the table.
        if CELL in text:
            text = _AFTER_CELL.sub(CELL, text)
        text = _end_cells(text)
    if ROW in text:
        text = _EMPTY_ROW.sub("", text)
        text = _ROW_START.sub(BREAK, text).replace(ROW, BREAK)
    if BULLET in text:
        text = _AFTER_BULLET.sub(BULLET, text)
    if NUMBER in text:
        text = _AFTER_NUMBER.sub(r"\1", text)
    if INDENT in text and LINE + INDENT in text:  # one character is found much faster than two
        # A nested list begins on the next line, whatever block ended before it in its item.
        text = _strip_before(text, LINE + INDENT, LINE + INDENT)
    text = _BLANK_LINE.sub("\n\n", text)
    if LINE in text:
        # A list's line break before a blank line adds nothing to it.
        text = _strip_before(text, "\n\n", "\n\n")
        text = text.replace(" " + LINE, LINE)
        text = _ANY_LINE_BREAK.sub("\n", text)
    else:
        text = _LINE_BREAK.sub("\n", text)
    if CELL in text:
        text = text.replace(" " + CELL, CELL).replace(CELL + " ", CELL).replace(CELL, "\t")
    if "  " in text:
        text = _SPACES.sub(" ", text)
    if " \n" in text:
        text = text.replace(" \n", "\n")
    return text


def _indent_continued_items(text: str) -> str:
    """Indent the blocks that continue a list item under its bullet or number.

    ``<li><p>First</p><p>Second</p></li>``: the second paragraph is the item's, and starts
    under its text (``• First``, then ``  Second``), not at the margin, where it would read as a
    paragraph after the list. The indentation is that of the item's text: its nesting and the
    width of its bullet or number (no-break spaces until the end, so that no pass collapses
    them).
    """
    indents: list[str] = []  # per open item: what its continued blocks start with
    item_start = -1  # where the text of the last item begun starts
    cells = 0  # table cells open: their lines join into one, indented with their row

    def mark(match: re.Match[str]) -> str:
        nonlocal item_start, cells
        token = match.group()
        if token == ITEM_END:
            if indents:
                indents.pop()
            return token
        if token == CELL:
            cells += 1
            return token
        if token == CELL_END:
            cells = max(0, cells - 1)
            return token
        if match.group("breaks") is not None:
            # Not the breaks before the item's first block, which its bullet's line takes.
            first = not match.string[item_start : match.start()].strip(" ")
            return token + indents[-1] if indents and not first and not cells else token
        item_start = match.end()
        start, depth = match.start(), 0
        while start > depth and match.string[start - depth - 1] == INDENT:
            depth += 1  # the nesting marks right before the bullet or number
        width = 2 if token.endswith(BULLET) else len(match.group("label")) + 2
        indents.append(INDENT * depth + _HANGING * width)
        return token

    # Only from the first item to the last item's end: paragraphs around the lists need no look.
    first = min(found for mark_ in (BULLET, NUMBER) if (found := text.find(mark_)) >= 0)
    last = text.rfind(ITEM_END) + 1
    return text[:first] + _ITEM_TOKENS.sub(mark, text[first:last]) + text[last:]


def _end_cells(text: str) -> str:
    """`text` with each cell on one line and the cells' end marks gone.

    The breaks at the end of a cell go; those between the blocks or lines a cell holds
    (``<td><p>a</p><p>b</p></td>``, ``a<br>b``) become a space, so a row stays one line.
    """
    pieces = text.split(CELL_END)
    last = pieces.pop()
    ended = []
    for piece in pieces:
        start = piece.rfind(CELL) + 1  # where the cell's content starts
        if not start:
            # The mark of a stray end tag (the parser moves it before the table): no cell ends.
            ended.append(piece)
            continue
        piece = piece.rstrip(_BREAKS)
        content = piece[start:]
        if BREAK in content or LINE in content:
            piece = piece[:start] + _BREAKS_IN_CELL.sub(" ", content)
        ended.append(piece)
    ended.append(last)
    return "".join(ended)


def _drop_empty_items(text: str) -> str:
    """`text` without its empty items: the line break and indentation before each go too."""
    pieces = text.split(EMPTY_ITEM)
    last = pieces.pop()
    kept = []
    for piece in pieces:
        piece = piece.rstrip(INDENT)
        kept.append(piece[:-1] if piece.endswith((BREAK, LINE)) else piece)
    return "".join([*kept, last])


def _strip_before(text: str, mark: str, keep: str) -> str:
    """`text` with `keep` for each `mark`, and no breaks or spaces just before it.

    Split and stripped in C: a regular expression would have to search for the breaks before
    the mark, and so start at every break (and take time in the square of a long run of them).
    """
    pieces = text.split(mark)
    last = pieces.pop()
    return keep.join([piece.rstrip(_BREAKS) for piece in pieces] + [last])


def _verbatim(text: str) -> str:
    text = text.replace("\xa0", " ").replace(BREAK, "\n").replace(LINE, "\n")
    return text.replace(ROW, "\n").replace(CELL, "\t").rstrip("\n")


def remove_invisible(text: str) -> str:
    """`text` without the characters that render as nothing (soft hyphen, zero-width space…)."""
    for char in _INVISIBLE:
        if char in text:
            text = text.replace(char, "")
    return text


def one_line(text: str) -> str:
    """`text` on one line: markers and invisible characters gone, white space collapsed."""
    if not text.isprintable():  # one test in C for markers, tabs and line breaks alike
        if NUMBER in text:  # a list item inside (<h3><li>…): its number is no part of the line
            text = LIST_NUMBER.sub("", text)
        text = _STRAY.sub(" ", text)
    return " ".join(remove_invisible(text).split())


def attribute_text(value: str) -> str:
    """An attribute's value (``alt``, ``title``) on one line.

    Layout marks go without a trace: marking the HTML puts them before anything that looks like
    a tag, so inside an attribute value too (``alt="1<br>2"``), where they stand for no break.
    """
    return one_line(without_marks(value))


def unescape_line(fragment: str) -> str:
    """One line of text from HTML without tags: entities decoded, white space collapsed."""
    return one_line(html.unescape(fragment) if "&" in fragment else fragment)


def count_words(text: str, *, list_numbers: int = 0) -> int:
    """The number of words in `text`, each CJK ideograph or kana counting as one.

    Runs of punctuation and symbols are not words, nor are the `list_numbers` numbers of list
    items the text shows (see `finish_text`).
    """
    if not text:
        return 0
    if text.encode("utf-8", "surrogatepass").translate(None, _NOT_CJK_LEADS):
        # Perhaps some CJK: the general patterns.
        count = len(_WORD.findall(text)) - len(_NOT_A_WORD.findall(text))
    else:
        words = text.split()
        count = len(words) - len(_NOT_A_WORD_AFTER_SPACE.findall(" " + " ".join(words)))
    return count - list_numbers
