"""Markdown (CommonMark with GFM tables) from the cleaned, canonical HTML of a fragment.

The fragment was parsed once, by Lexbor, and only its serialization is kept: the tree is not
(see `wpparse._normalize.analysis`). Parsing again would cost more than the whole conversion, and
the serialization is regular (tags lower-case and balanced, attribute values double-quoted, text
escaped one way throughout), so one compiled regular expression tokenizes it and a loop over the
tokens keeps an explicit stack of open elements. Depth costs no recursion; time is linear.

How the output is built:

- A *sink* collects the Markdown of one container (the fragment, a block quote, a list item, a
  table cell, a heading…): its finished blocks, and the pieces of the paragraph being written.
  Closing the container turns its blocks into one block of its parent (quoted, hung under a
  bullet…), see `wpparse._normalize.markdown_blocks`.
- Emphasis, code and links are *inline frames*: each remembers where in the paragraph's pieces
  it began and, when it closes, wraps the pieces since then in its delimiters. At a block
  boundary the open frames wrap what they hold and start again in the next block, so a link
  around a heading, or emphasis across paragraphs, marks each block's text.
- White space is a pending flag, written as one space only before the next word: spaces never
  double up, and never end up inside delimiters (``<b>a </b>b`` is ``**a** b``).

Helpers: `wpparse._normalize.markdown_inline` (paragraph pieces, emphasis written out once its
neighbours are known), `wpparse._normalize.markdown_blocks` (lists, quotes, tables),
`wpparse._normalize.markdown_elements` (elements read whole: ``pre``, embeds, attributes) and
`wpparse._normalize.markdown_escape` (escapes, fences, destinations).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from wpparse._normalize.markdown_blocks import (
    Block,
    ListItem,
    Table,
    join_blocks,
    list_block,
    ordered_lists,
    quote,
)
from wpparse._normalize.markdown_elements import (
    bare_embed_url,
    element_content,
    embed_link,
    image,
    image_url,
    integer,
    noscript_images,
    one_line,
    player_link,
    pre_code,
    raw_code,
    raw_content,
    tag_attributes,
)
from wpparse._normalize.markdown_escape import (
    destination,
    escape_closing_hashes,
    escape_line_starts,
    escape_text,
)
from wpparse._normalize.markdown_inline import BREAK, EDGES, SPACE, Markup, Piece, seal, wrap
from wpparse._normalize.markers import LIST_NUMBER, MARKERS, is_reversed, number_attribute
from wpparse._normalize.tags import (
    BLOCKS,
    EMBEDDED_MEDIA,
    HEADINGS,
    LISTS,
    NEVER_SHOWN,
    RAW_TEXT,
    VERBATIM,
)
from wpparse._normalize.text import remove_invisible
from wpparse._normalize.urls import clean_url, is_unsafe, resolve

# Text, a start or end tag, a comment, or a lone "<" (never in canonical HTML, read as text).
_TOKEN = re.compile(r"([^<]+)|<(/?)([a-z][^\s/>]*)([^>]*)>|<!--.*?-->|<", re.DOTALL)
_ASCII_WHITESPACE = " \t\n\r\f"
# White space that HTML collapses into one space (other spaces, U+3000 say, are text).
_SPACES = ("\t", "\n", "\r", "\f", "\xa0")
# Written with two spaces first, so the regex engine searches for the pair in C (a pattern
# that starts with a set of characters stops at every one of them, and at every single space).
_SPACE_RUN = re.compile("  +")
_CAPTION_CLASSES = ("wp-caption-text", "gallery-caption")
# Quotes, lists and tables nested deeper than this are laid out flat (see `_Renderer._too_deep`).
_MAX_CONTAINERS = 32


def _roles() -> dict[str, str]:
    """What the renderer does with each element, by tag name (others: inline, content kept)."""
    roles = {
        "blockquote": "quote", "li": "item", "dl": "dl", "dt": "dt", "dd": "dd",
        "table": "table", "tr": "row", "caption": "caption", "figcaption": "figcaption",
        "hr": "rule", "br": "break", "img": "image", "input": "input", "a": "link",
        "code": "code", "xmp": "raw", "plaintext": "raw", "noscript": "noscript",
    }  # fmt: skip
    # Blocks, headings, lists, verbatim text and what is never shown are
    # `wpparse._normalize.tags`'s to say, as for `.text`; quotes, description lists, rules and
    # raw text have roles of their own above.
    groups = {
        "block": (BLOCKS - HEADINGS - VERBATIM - {"blockquote", "dl", "hr"}) | {"body", "html"},
        "heading": HEADINGS,
        "list": LISTS,
        "pre": VERBATIM - RAW_TEXT,
        "table-section": {"thead", "tbody", "tfoot"},
        "cell": {"td", "th"},
        "em": {"em", "i"},
        "strong": {"strong", "b"},
        "del": {"del", "s", "strike"},
        "embed": EMBEDDED_MEDIA,
        # Never shown, or fallback for what is shown: skipped with their content.
        "skip": NEVER_SHOWN | {"canvas"},
        # Void elements that show nothing.
        "void": {
            "wbr",
            "source",
            "track",
            "param",
            "area",
            "base",
            "col",
            "link",
            "meta",
            "keygen",
        },
    }
    for role, names in groups.items():
        roles.update(dict.fromkeys(names, role))
    return roles


_ROLES = _roles()
_SEPARATORS = re.compile("[\u2028\u2029]")
# Elements whose content is raw text: it ends at the first end tag, whatever it looks like.
# (plaintext has no end: it is read as void, then raw to the end. noscript's content is raw
# text in Lexbor's serialization of the cleaned tree, which the renderer reads.)
_RAW_TEXT = (RAW_TEXT - {"plaintext"}) | {"noscript"}
_VOID = frozenset({"br", "img", "hr", "input", "embed", "plaintext"}) | {
    name for name, role in _ROLES.items() if role == "void"
}


def to_markdown(canonical_html: str, base_url: str | None) -> str:
    """CommonMark (GFM tables) for `canonical_html`."""
    source = canonical_html
    if "\x01" in source:
        source = LIST_NUMBER.sub("", source)
    for marker in MARKERS:  # each absent one costs a search in C, not a regex pass
        if marker in source:
            source = source.replace(marker, "")
    return _Renderer(source, base_url).render()


class _Sink:
    """The Markdown of one container: finished blocks and the paragraph being written."""

    __slots__ = (
        "blocks",
        "count_down",
        "counted_items",
        "items",
        "next_number",
        "ordered",
        "pieces",
        "role",
        "space",
        "step",
    )

    def __init__(self, role: str, ordered: bool = False, start: int = 1, step: int = 1) -> None:
        self.role = role
        self.blocks: list[Block] = []
        self.pieces: list[Piece] = []
        self.space = False  # a space is due before the next piece
        # Lists only: the number of the next item, and what the numbers count by (-1 reversed).
        self.items: list[ListItem] = []
        self.ordered = ordered
        self.next_number = start
        self.step = step
        # A reversed list without a start counts down from its number of items, known at its end;
        # its items are numbered from 0 meanwhile, up to the first with a value of its own.
        self.count_down = False
        self.counted_items: int | None = None


class _Inline:
    """Open emphasis, code or link: its kind, first piece and (links) destination."""

    __slots__ = ("kind", "start", "url")

    def __init__(self, kind: str, start: int, url: str) -> None:
        self.kind = kind
        self.start = start
        self.url = url


class _Frame:
    """An open element, with what closing it must finish."""

    __slots__ = ("extra", "inline", "role", "sink", "tag")

    def __init__(
        self, tag: str, role: str, sink: _Sink | None, inline: _Inline | None, extra: Any
    ) -> None:
        self.tag = tag
        self.role = role
        self.sink = sink
        self.inline = inline
        self.extra = extra


class _Renderer:
    """One pass over the tokens of a fragment."""

    def __init__(self, source: str, base_url: str | None) -> None:
        self._source = source
        self._base_url = base_url
        self._sink = _Sink("root")
        self._sinks = [self._sink]
        self._frames: list[_Frame] = []
        self._open_count: dict[str, int] = {}
        self._inline: list[_Inline] = []
        self._in_code = False
        self._tables: list[Table | None] = []  # None: a table too deep, laid out as blocks
        self._galleries: list[bool] = []  # per open dl: whether it is a classic gallery item
        # The last image had only a placeholder URL: the copy in the next noscript is the image.
        self._placeholder = False
        self._openers: dict[str, Callable[[str, str, int], int]] = {
            role: getattr(self, "_open_" + role.replace("-", "_"))
            for role in set(_ROLES.values()) - {"void", "em", "strong", "del", "code"}
        }
        for role in ("em", "strong", "del", "code"):
            self._openers[role] = self._open_formatting

    def render(self) -> str:
        """The Markdown of the whole fragment."""
        source, position, match = self._source, 0, _TOKEN.match
        while position < len(source):
            token = match(source, position)
            if token is None:  # pragma: no cover - the lone "<" alternative always matches
                break
            position = token.end()
            text, closing, name, attributes = token.groups()
            if text is not None:
                self._text(text)
            elif name is None:
                if token.group() == "<":
                    self._text("<")
            elif closing:
                self._end(name)
            else:
                role = _ROLES.get(name, "inline")
                if role == "inline":
                    self._push(name, role)
                elif role != "void":
                    position = self._openers[role](name, attributes, position)
        while self._frames:
            self._close(self._frames.pop())
        self._boundary()
        return join_blocks(self._sink.blocks)

    # -- the stack of open elements ------------------------------------------------------------

    def _push(
        self,
        tag: str,
        role: str,
        sink: _Sink | None = None,
        inline: _Inline | None = None,
        extra: Any = None,
    ) -> None:
        if tag in _VOID:
            return
        self._frames.append(_Frame(tag, role, sink, inline, extra))
        self._open_count[tag] = self._open_count.get(tag, 0) + 1
        if sink is not None:
            self._sinks.append(sink)
            self._sink = sink

    def _end(self, name: str) -> None:
        """Close `name` and whatever is still open inside it; an end tag never opened is ignored."""
        if not self._open_count.get(name):
            return
        while self._frames:
            frame = self._frames.pop()
            self._open_count[frame.tag] -= 1
            self._close(frame)
            if frame.tag == name:
                return

    def _close(self, frame: _Frame) -> None:
        """Finish what `frame`'s element started."""
        role = frame.role
        if frame.inline is not None:
            self._close_inline(frame.inline)
        if role in ("block", "figcaption"):
            self._boundary()
        elif frame.sink is not None:
            self._close_sink(frame)
        elif role in ("dt", "dd"):
            self._hard_break()
        elif role == "dl":
            self._boundary()
            self._galleries.pop()
        elif role == "table":
            self._boundary()
            self._tables.pop()
            if frame.extra is not None:
                self._sink.blocks.extend(frame.extra.blocks())
        elif role == "table-section" and (table := self._table()) is not None:
            table.in_head = False

    def _open_sink(self, tag: str, role: str, sink: _Sink, extra: Any = None) -> None:
        """Open a container: what follows is written into `sink` until `tag` closes."""
        self._boundary()
        self._push(tag, role, sink=sink, extra=extra)

    def _close_sink(self, frame: _Frame) -> None:
        """Finish a container and hand its Markdown to the container around it."""
        self._boundary()
        sink = self._sinks.pop()
        self._sink = parent = self._sinks[-1]
        blocks, role = sink.blocks, frame.role
        block: Block | None = None
        if role == "heading":
            text = " ".join(part.text.replace("\n", " ") for part in blocks).strip()
            if text:
                level = int(frame.tag[1])
                block = Block("heading", "#" * level + " " + escape_closing_hashes(text), "", True)
        elif role == "quote":
            block = quote(blocks)
        elif role == "list":
            self._adopt_stray(sink)
            items = sink.items
            if sink.count_down:
                counted = len(items) if sink.counted_items is None else sink.counted_items
                items = [
                    ListItem(item.number + len(items), item.blocks) if index < counted else item
                    for index, item in enumerate(items)
                ]
            items = [item for item in items if item.blocks]
            previous = parent.blocks[-1] if parent.blocks else None
            if sink.ordered:
                parent.blocks.extend(ordered_lists(items, previous))
            else:
                block = list_block(items, False, previous)
        elif role == "item":
            if parent.role == "list":
                parent.items.append(ListItem(frame.extra, blocks))
            else:  # an item outside any list: a list of its own
                previous = parent.blocks[-1] if parent.blocks else None
                block = list_block([ListItem(1, blocks)], False, previous) if blocks else None
        elif role == "cell":
            table, span, rowspan = frame.extra
            table.add_cell(blocks, span, rowspan)
        elif role == "caption":
            frame.extra.captions.extend(blocks)
        if block is not None:
            parent.blocks.append(block)

    # -- inline content ------------------------------------------------------------------------

    def _text(self, raw: str) -> None:
        """Add text: entities decoded, white space collapsed, Markdown escaped (not in code)."""
        if not raw.strip(_ASCII_WHITESPACE):
            # Only white space (most often the newline between two tags): at most a space.
            self._sink.space = True
            return
        if "&" in raw:
            raw = html.unescape(raw)
        if "\u2028" in raw or "\u2029" in raw:
            # Unicode's line and paragraph separators: line breaks, as in `.text`.
            for index, line in enumerate(_SEPARATORS.split(raw)):
                if index:
                    self._hard_break()
                self._decoded_text(line)
            return
        self._decoded_text(raw)

    def _decoded_text(self, raw: str) -> None:
        """Add text whose entities are decoded."""
        text = remove_invisible(raw)
        if not text.isprintable():  # one test in C for tabs, line breaks and no-break spaces
            for space in _SPACES:
                if space in text:
                    text = text.replace(space, " ")
        if "  " in text:
            text = _SPACE_RUN.sub(" ", text)
        core = text.strip(" ")
        sink = self._sink
        if not core:
            sink.space = sink.space or bool(text)
            return
        if text[0] == " ":
            sink.space = True
        self._emit(core if self._in_code else escape_text(core))
        if text[-1] == " ":
            sink.space = True

    def _emit(self, piece: str) -> None:
        """Add `piece` to the paragraph, after the space due before it."""
        sink = self._sink
        pieces = sink.pieces
        if sink.space:
            sink.space = False
            if pieces and pieces[-1] != BREAK:
                pieces.append(SPACE)
        pieces.append(piece)

    def _hard_break(self) -> None:
        """A line break (``<br>``); a space in a heading or code span, a paragraph if doubled."""
        sink = self._sink
        if self._in_code or sink.role == "heading":
            sink.space = True
        elif sink.pieces and sink.pieces[-1] == BREAK:
            # Two in a row show a blank line, as between paragraphs (and in `.text`): a new one.
            self._boundary()
        elif sink.pieces:
            sink.pieces.append(BREAK)
            sink.space = False

    def _open_inline(self, kind: str, url: str = "") -> _Inline | None:
        """Start emphasis, code or a link; None when it would add nothing (already inside one)."""
        if self._in_code or any(inline.kind == kind for inline in self._inline):
            return None
        inline = _Inline(kind, len(self._sink.pieces), url)
        self._inline.append(inline)
        self._in_code = kind == "code"
        return inline

    def _close_inline(self, inline: _Inline) -> None:
        """Wrap what `inline` holds, now that its element ended."""
        self._wrap(inline)
        self._inline.remove(inline)
        if inline.kind == "code":
            self._in_code = False

    def _wrap(self, inline: _Inline) -> None:
        # The emphasis that `inline` sits in starts where it may join a span before it, at most.
        enclosing = self._inline[: self._inline.index(inline)]
        floor = max((outer.start for outer in enclosing), default=0)
        wrap(self._sink.pieces, inline.start, inline.kind, inline.url, floor)

    def _boundary(self) -> None:
        """End the paragraph being written: open inline frames wrap it and go on after it."""
        if self._inline:
            for inline in reversed(self._inline):
                self._wrap(inline)
            for inline in self._inline:
                inline.start = 0
        sink = self._sink
        sink.space = False
        pieces = sink.pieces
        while pieces and pieces[-1] in EDGES:
            pieces.pop()
        if not pieces:
            return
        text = seal(pieces, "", "").lstrip(" ")
        pieces.clear()
        if sink.role not in ("heading", "cell"):
            text = escape_line_starts(text)
        sink.blocks.append(Block("paragraph", text))

    def _image(self, raw_attributes: str) -> None:
        """Add an image; remember when it had only a placeholder (see `_open_noscript`)."""
        found = tag_attributes(raw_attributes)
        url = image_url(found)
        self._placeholder = url is None
        if url is None:
            return
        alt = one_line(found.get("alt") or "")
        if not self._in_code:
            self._emit(Markup(image(url, alt, self._base_url)))
        elif alt:
            self._emit(alt)

    # -- openers: each returns where reading goes on ------------------------------------------

    def _open_formatting(self, name: str, attributes: str, position: int) -> int:
        self._push(name, "formatting", inline=self._open_inline(_ROLES[name]))
        return position

    def _open_link(self, name: str, attributes: str, position: int) -> int:
        href = tag_attributes(attributes).get("href") if "href" in attributes else None
        url = clean_url(href) if href is not None else ""
        inline = None
        if url and not is_unsafe(url):
            inline = self._open_inline("link", destination(resolve(url, self._base_url)))
        self._push(name, "link", inline=inline)
        return position

    def _open_block(self, name: str, attributes: str, position: int) -> int:
        if "class=" in attributes and (
            "caption" in attributes or "embed__" in attributes or "rll-youtube" in attributes
        ):
            classes = tag_attributes(attributes).get("class") or ""
            if any(caption in classes for caption in _CAPTION_CLASSES):
                return self._open_figcaption(name, attributes, position)
            bare = bare_embed_url(self._source, position) if "embed__wrapper" in classes else None
            if bare is not None:
                self._add_block(Block("paragraph", bare[0]))
                return bare[1]
            if "rll-youtube-player" in classes:
                # WP Rocket's lazy player: empty until a script fills it, its video in data-src.
                link = player_link(attributes, self._base_url)
                self._add_block(Block("paragraph", link) if link else None)
        self._boundary()
        self._push(name, "block")
        return position

    def _open_figcaption(self, name: str, attributes: str, position: int) -> int:
        self._boundary()
        self._push(name, "figcaption", inline=self._open_inline("em"))
        return position

    def _open_heading(self, name: str, attributes: str, position: int) -> int:
        self._open_sink(name, "heading", _Sink("heading"))
        return position

    def _too_deep(self) -> bool:
        """Whether containers are nested so deep that more would only indent (quadratic output).

        Past this depth quotes, lists and tables lay out their content as plain blocks.
        """
        return len(self._sinks) >= _MAX_CONTAINERS

    def _open_quote(self, name: str, attributes: str, position: int) -> int:
        if self._too_deep():
            return self._open_block(name, attributes, position)
        self._open_sink(name, "quote", _Sink("quote"))
        return position

    def _open_list(self, name: str, attributes: str, position: int) -> int:
        if self._too_deep():
            return self._open_block(name, attributes, position)
        # Numbered as `.text` numbers them: the same reading of start and reversed.
        ordered = name == "ol"
        written_start = number_attribute(attributes, "start") if ordered else None
        descending = ordered and is_reversed(attributes)
        count_down = descending and written_start is None
        start = 0 if count_down else 1 if written_start is None else written_start
        sink = _Sink("list", ordered, start, -1 if descending else 1)
        sink.count_down = count_down
        self._open_sink(name, "list", sink)
        return position

    def _open_item(self, name: str, attributes: str, position: int) -> int:
        if self._sink.role == "heading":
            # An item inside a heading (<ol><h3><li>…, as some editors nest them): its text is
            # the heading's, set apart as a block in a heading is, with no marker a heading
            # cannot show.
            return self._open_block(name, attributes, position)
        if self._too_deep():
            return self._open_block(name, attributes, position)
        self._boundary()
        parent = self._sink
        number = 1
        if parent.role == "list":
            self._adopt_stray(parent)
            number = parent.next_number
            value = number_attribute(attributes, "value") if parent.ordered else None
            if value is not None:
                number = value
                if parent.count_down and parent.counted_items is None:
                    parent.counted_items = len(parent.items)
            parent.next_number = number + parent.step
        self._open_sink(name, "item", _Sink("item"), number)
        return position

    def _adopt_stray(self, sink: _Sink) -> None:
        """Content directly inside a list (a nested list outside any item) joins the last item."""
        if sink.blocks:
            if sink.items:
                sink.items[-1].blocks.extend(sink.blocks)
            else:
                sink.items.append(ListItem(sink.next_number, list(sink.blocks)))
                sink.next_number += sink.step
            sink.blocks.clear()

    def _open_dl(self, name: str, attributes: str, position: int) -> int:
        self._boundary()
        self._galleries.append("gallery-item" in attributes)
        self._push(name, "dl")
        return position

    def _open_dt(self, name: str, attributes: str, position: int) -> int:
        if self._galleries and self._galleries[-1]:
            return self._open_block(name, attributes, position)
        self._boundary()
        self._push(name, "dt", inline=self._open_inline("strong"))
        return position

    def _open_dd(self, name: str, attributes: str, position: int) -> int:
        if self._galleries and self._galleries[-1]:
            return self._open_block(name, attributes, position)
        self._push(name, "dd")
        return position

    def _open_table(self, name: str, attributes: str, position: int) -> int:
        self._boundary()
        table = None if self._too_deep() else Table()
        self._tables.append(table)
        self._push(name, "table", extra=table)
        return position

    def _table(self) -> Table | None:
        """The innermost open table, unless it is laid out as blocks (or there is none)."""
        return self._tables[-1] if self._tables else None

    def _open_table_section(self, name: str, attributes: str, position: int) -> int:
        table = self._table()
        if table is not None:
            table.in_head = name == "thead"
        self._push(name, "table-section")
        return position

    def _open_row(self, name: str, attributes: str, position: int) -> int:
        table = self._table()
        if table is not None:
            self._boundary()
            table.start_row()
        self._push(name, "row")
        return position

    def _open_cell(self, name: str, attributes: str, position: int) -> int:
        table = self._table()
        if table is None:
            return self._open_block(name, attributes, position)
        span = rowspan = 1
        if "span" in attributes:
            found = tag_attributes(attributes)
            span = integer(found.get("colspan"), 1)
            rowspan = integer(found.get("rowspan"), 1)
        self._open_sink(name, "cell", _Sink("cell"), (table, span, rowspan))
        return position

    def _open_caption(self, name: str, attributes: str, position: int) -> int:
        table = self._table()
        if table is None:
            return self._open_figcaption(name, attributes, position)
        self._open_sink(name, "caption", _Sink("caption"), table)
        self._frames[-1].inline = self._open_inline("em")
        return position

    def _open_rule(self, name: str, attributes: str, position: int) -> int:
        self._add_block(Block("rule", "---"))
        return position

    def _open_break(self, name: str, attributes: str, position: int) -> int:
        self._hard_break()
        return position

    def _open_image(self, name: str, attributes: str, position: int) -> int:
        self._image(attributes)
        return position

    def _open_input(self, name: str, attributes: str, position: int) -> int:
        found = tag_attributes(attributes)
        if (found.get("type") or "").lower() == "checkbox" and not self._in_code:
            # A task list item's box, as GFM writes it; elsewhere the same text, escaped.
            box = "[x]" if "checked" in found else "[ ]"
            self._emit(box if not self._sink.pieces else escape_text(box))
            self._sink.space = True
        return position

    def _open_pre(self, name: str, attributes: str, position: int) -> int:
        code, end = pre_code(self._source, name, attributes, position)
        self._add_block(Block("code", code, "", True) if code else None)
        return end

    def _open_raw(self, name: str, attributes: str, position: int) -> int:
        code, end = raw_code(self._source, name, position)
        self._add_block(Block("code", code, "", True) if code else None)
        return end

    def _open_embed(self, name: str, attributes: str, position: int) -> int:
        link, end = embed_link(self._source, name, attributes, position, self._base_url)
        self._add_block(Block("paragraph", link) if link else None)
        return end

    def _open_noscript(self, name: str, attributes: str, position: int) -> int:
        images, end = noscript_images(self._source, position)
        if self._placeholder:
            # Lazy loading left a placeholder; the noscript copy holds the real image.
            for image_attributes in images:
                self._image(image_attributes)
        self._placeholder = False
        return end

    def _open_skip(self, name: str, attributes: str, position: int) -> int:
        if name in _RAW_TEXT:
            return raw_content(self._source, name, position)[1]
        return element_content(self._source, name, position)[1]

    def _add_block(self, block: Block | None) -> None:
        """End the paragraph being written and add `block` (if any) after it."""
        if block is not None:
            self._boundary()
            self._sink.blocks.append(block)
