r"""Finding block delimiters, ``<!-- wp:ns/name {"json"} /-->``, in one pass without backtracking.

WordPress finds them with one regular expression (see ``shared/notes/blocks.md``, section 2).
This module splits it in two so that no input can make it slow:

1. The head, ``<!--\s+/?wp:ns/name\s+`` and then ``{``, ``-->`` or ``/-->``, is found with a
   pattern that cannot backtrack further than the white space it just read.
2. When a ``{`` follows, the JSON runs to the first ``}`` followed by white space and ``/-->``
   or ``-->``. That end is searched for once and remembered: a later head whose ``{`` lies
   before the remembered end has the same end, and when there is no end after a point there
   is none after any later point either. So a run of unterminated ``<!-- wp:a {`` heads, or a
   megabyte of ``}``, is read once in all, not once per head.

A head that is not followed by a valid rest is not a delimiter, and the search goes on from
the character after its ``<``, as the regular expression would.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import NamedTuple

from wpparse.blocks._flavors import Rules


class Kind(Enum):
    """What a delimiter does."""

    OPENER = "opener"
    CLOSER = "closer"
    VOID = "void"


class Token(NamedTuple):
    """One delimiter: its kind, full block name, attribute JSON (or None), and span.

    The attribute JSON runs from ``{`` to the ``/-->`` or ``-->``, white space included, as
    WordPress hands it to its JSON decoder: white space that JSON does not allow there (a
    vertical tab, a form feed, and in JS a no-break space and the like) makes it invalid.
    """

    kind: Kind
    name: str
    attrs_json: str | None
    start: int
    end: int


_NAME = r"(?:[a-z][a-z0-9_-]*/)?[a-z][a-z0-9_-]*"


class Tokenizer:
    """The delimiters of one document, in order; `next` gives the first at or after an offset."""

    __slots__ = ("_end_after", "_ends_from", "_ends_match", "_head", "text")

    def __init__(self, text: str, rules: Rules) -> None:
        ws = f"[{re.escape(rules.whitespace)}]"
        self.text = text
        # A head, then either the JSON's "{" or the end of a delimiter without JSON.
        self._head = re.compile(f"<!--{ws}+(/)?wp:({_NAME}){ws}+(?:({{)|(/)?-->)").search
        self._end_after = re.compile(f"}}{ws}+(?P<tail>(?P<void>/)?-->)").search
        # The remembered end of JSON: searched from `_ends_from`, found at `_ends_match`.
        self._ends_from = -1
        self._ends_match: re.Match[str] | None = None

    def next(self, offset: int) -> Token | None:
        """The first delimiter starting at or after `offset`, or None when there is none."""
        text = self.text
        head = self._head
        while (found := head(text, offset)) is not None:
            closer, name, brace, void = found.groups()
            end = found.end()
            attrs_json = None
            if brace:
                tail = self._json_end(end)
                if tail is None:  # no end to the JSON: not a delimiter
                    offset = found.start() + 1
                    continue
                attrs_json = text[end - 1 : tail.start("tail")]
                void, end = tail.group("void"), tail.end()
            if "/" not in name:
                name = "core/" + name
            if void:  # a void flag wins over a closer's slash
                kind = Kind.VOID
            elif closer:
                kind = Kind.CLOSER
            else:
                kind = Kind.OPENER
            return Token(kind, name, attrs_json, found.start(), end)
        return None

    def _json_end(self, start: int) -> re.Match[str] | None:
        """The first ``}`` at or after `start` followed by white space and ``/-->`` or ``-->``."""
        match = self._ends_match
        if 0 <= self._ends_from <= start and (match is None or start <= match.start()):
            return match
        match = self._end_after(self.text, start)
        self._ends_from, self._ends_match = start, match
        return match
