"""The one place rendered HTML is parsed, and its attributes read, so each is done in one way."""

from __future__ import annotations

from typing import Protocol

from selectolax.lexbor import LexborHTMLParser, LexborNode

from wpparse._normalize.markers import without_marks


def parse_fragment(html: str) -> LexborHTMLParser:
    """Parse `html` as a fragment (no ``<html>``/``<body>`` added) with Lexbor."""
    return LexborHTMLParser(html, is_fragment=True)


class Attributes(Protocol):
    """The attributes of a tag, as `attributes` returns them."""

    def get(self, key: str, /) -> str | None:
        """The value of attribute `key`, if the tag has it."""


def attributes(node: LexborNode) -> dict[str, str]:
    """The attributes of `node`, each value clean ("" for an attribute without one).

    Every attribute the normalizer reads is read here. Marking the layout puts marks before
    anything that looks like a tag, so inside attribute values too (``alt="1<br>2"``), where
    they stand for nothing: here they go. (One dict for all of a node's attributes costs less
    than two lookups in Lexbor's view of them.)
    """
    found = node.attributes
    for name, value in found.items():
        if value is None:
            found[name] = ""
        elif not value.isprintable():  # one test in C for every mark
            found[name] = without_marks(value)
    return found  # type: ignore[return-value]  # every None was replaced above


def attribute(node: LexborNode, name: str) -> str:
    """The clean value of `node`'s attribute `name` ("" when it has none)."""
    value = node.attrs.get(name)
    if not value:
        return ""
    return value if value.isprintable() else without_marks(value)
