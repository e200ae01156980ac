"""The inline Markdown of a paragraph: its pieces, and emphasis written out last.

A paragraph is built as a list of pieces: finished Markdown (text, links, images), a space, a
hard break, or a `Span` of emphasis or code not written out yet. Whether CommonMark reads ``**``
as emphasis depends on the characters on both sides of it (``**Note:**Text`` stays literal), and
the character after is known only once the next piece is, so spans are written out by `seal`
when the pieces around them are final: when a link takes its text, or the paragraph ends.
"""

from __future__ import annotations

from typing import cast

from wpparse._normalize.markdown_escape import code_span, emphasis_holds, is_punctuation

SPACE = " "
#: A hard line break.
BREAK = "\\\n"
#: What stays outside emphasis and links at their edges.
EDGES = (SPACE, BREAK)
DELIMITERS = {"em": "*", "strong": "**", "del": "~~"}


class Span:
    """Emphasis (``em``, ``strong``, ``del``) or a code span (``code``) and the pieces it holds.

    A span that follows another of its kind joins it in place (`wrap`), in time linear in what
    it adds: ``**a****b**`` would not parse.
    """

    __slots__ = ("kind", "parts")

    def __init__(self, kind: str, parts: list[Piece]) -> None:
        self.kind = kind
        self.parts = parts

    def mark(self) -> str:
        """The character its Markdown starts and ends with."""
        return "`" if self.kind == "code" else DELIMITERS[self.kind][0]


class Markup(str):
    """A finished link or image: Markdown syntax that must never be cut into."""

    __slots__ = ()


#: A piece of a paragraph: finished Markdown, or a span written out later.
Piece = str | Span


def wrap(pieces: list[Piece], start: int, kind: str, url: str = "", floor: int = 0) -> None:
    """Wrap `pieces` from `start` on in a span of `kind`, or a link to `url` ("link").

    Spaces and breaks at the edges stay outside; nothing is wrapped when nothing else is there
    (no empty emphasis, no link without text). A span of the same kind just before joins it,
    unless it lies before `floor`, outside the emphasis that holds this one (``<b>a</b><i><b>b``).
    """
    first, last = start, len(pieces)
    while first < last and pieces[first] in EDGES:
        first += 1
    while last > first and pieces[last - 1] in EDGES:
        last -= 1
    if first == last:
        return
    previous = pieces[first - 1] if first else ""
    if kind == "link":
        if isinstance(previous, str) and previous.endswith("!"):
            # "!" right before "[" would make the link an image.
            pieces[first - 1] = previous[:-1] + "\\!"
        pieces[first:last] = [Markup(f"[{seal(pieces[first:last], '[', ']')}]({url})")]
    elif isinstance(previous, Span) and previous.kind == kind and first - 1 >= floor:
        previous.parts.extend(pieces[first:last])
        del pieces[first:last]
    else:
        pieces[first:last] = [Span(kind, pieces[first:last])]


def seal(pieces: list[Piece], before: str, after: str) -> str:
    """`pieces` written out, now that their neighbours are known.

    Emphasis that CommonMark would not read as such where it stands gives way to its pieces,
    which are checked in turn, and so is the emphasis just before it, whose neighbour changed.
    Spans of one kind that end up side by side become one. `before` and `after` are the
    characters around the pieces ("" at a line's ends).
    """
    if not any(isinstance(piece, Span) for piece in pieces):
        return "".join(cast("list[str]", pieces))
    done: list[str] = []
    spans: list[Span | None] = []  # the span each written piece came from
    pending = pieces[::-1]
    while pending:
        piece = pending.pop()
        if isinstance(piece, str):
            done.append(piece)
            spans.append(None)
            continue
        previous = spans[-1] if spans else None
        if previous is not None and previous.kind == piece.kind:
            done.pop()
            spans.pop()
            pending.append(Span(piece.kind, previous.parts + piece.parts))
            continue
        if piece.kind == "code":
            done.append(code_span("".join(cast("list[str]", piece.parts))))
            spans.append(piece)
            continue
        left = done[-1][-1:] if done else before
        right = after
        if pending:
            following = pending[-1]
            right = following[:1] if isinstance(following, str) else following.mark()
        written = _emphasis(piece, left, right)
        if written is not None:
            done.append(written)
            spans.append(piece)
            continue
        pending.extend(reversed(piece.parts))
        if previous is not None and previous.kind != "code":
            done.pop()
            spans.pop()
            pending.append(previous)
    return "".join(done)


def _emphasis(span: Span, left: str, right: str) -> str | None:
    """`span` written out between the characters `left` and `right`, or None if it cannot be.

    Asterisks come first. Underscores are used where asterisks would not be read as emphasis
    (``**two.**`` before a letter), or where the run of asterisks closing or opening the span
    would join another span's run beside it: ``**a *b***`` then ``*c*`` make one run of four,
    which CommonMark's "rule of 3" then leaves unpaired.
    """
    delimiter = DELIMITERS[span.kind]
    core = seal(span.parts, delimiter[0], delimiter[0])
    joins = core[:1] == "*" or core[-1:] == "*" or "*" in (left, right)
    if not joins and emphasis_holds(core, delimiter, left, right):
        return delimiter + core + delimiter
    if span.kind != "del":
        underscores = "_" * len(delimiter)
        core_ = seal(span.parts, "_", "_")
        if emphasis_holds(core_, underscores, left, right):
            return underscores + core_ + underscores
    if joins and emphasis_holds(core, delimiter, left, right):
        return delimiter + core + delimiter
    return _inside_its_edges(span, left, right)


def _inside_its_edges(span: Span, left: str, right: str) -> str | None:
    """`span` with the punctuation and spaces at its edges written outside it, or None.

    Emphasis that starts or ends with punctuation is not read as such next to a letter
    (``Email**: info**``, ``**Hit KEY.**After``); without them it is: ``Email: **info**``,
    ``**Hit KEY**.After``. Only the punctuation loses the emphasis, not the whole phrase. The
    edge may lie in emphasis inside the span (``<b>, x<i><del>, y``): it moves out of both.
    """
    head, parts = _split_edge(span.parts, leading=True)
    tail, parts = _split_edge(parts, leading=False)
    if not (head or tail) or not parts:
        return None
    inner = _emphasis(Span(span.kind, parts), head[-1:] or left, tail[:1] or right)
    return None if inner is None else head + inner + tail


def _split_edge(parts: list[Piece], leading: bool) -> tuple[str, list[Piece]]:
    """The punctuation and spaces at the start (or end) of `parts`, and the parts without it.

    Only text is cut (links, images and code stay whole), within emphasis too.
    """
    if not parts:
        return "", parts
    index = 0 if leading else len(parts) - 1
    piece = parts[index]
    rest: Piece
    if type(piece) is str:
        cut = _leading_edge(piece) if leading else _trailing_edge(piece)
        edge, rest = (piece[:cut], piece[cut:]) if leading else (piece[cut:], piece[:cut])
    elif isinstance(piece, Span) and piece.kind != "code":
        edge, inner = _split_edge(piece.parts, leading)
        rest = Span(piece.kind, inner)
    else:
        return "", parts
    if not edge:
        return "", parts
    kept = [*parts[:index], rest, *parts[index + 1 :]]
    return edge, [part for part in kept if part != "" and not _is_empty(part)]


def _is_empty(piece: Piece) -> bool:
    return isinstance(piece, Span) and not piece.parts


def _leading_edge(text: str) -> int:
    """Where the punctuation and spaces that `text` starts with end."""
    start = 0
    while start < min(len(text), _MAX_EDGE):
        # An escape (a backslash and what it escapes) moves as one.
        step = 2 if text[start] == "\\" else 1
        if not _is_edge(text[start + step - 1 : start + step]):
            break
        start += step
    return start


def _trailing_edge(text: str) -> int:
    """Where the punctuation and spaces that `text` ends with start."""
    end = len(text)
    floor = max(0, end - _MAX_EDGE)
    while end > floor and _is_edge(text[end - 1]):
        before = end - 1  # the backslashes before it say whether it is escaped
        while before > floor and text[before - 1] == "\\":
            before -= 1
        if before == floor and floor:
            break  # a run of backslashes longer than any edge: left as it is
        end -= 2 if (end - 1 - before) % 2 else 1
    return end


# How much of a span's edges is looked at: punctuation at an edge is a few characters.
_MAX_EDGE = 32


def _is_edge(char: str) -> bool:
    return char != "" and (char.isspace() or is_punctuation(char))
