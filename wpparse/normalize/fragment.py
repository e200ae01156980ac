"""The one place rendered HTML is parsed, so each fragment is parsed once and in one way."""

from __future__ import annotations

from typing import Protocol

from selectolax.lexbor import LexborHTMLParser


def parse_fragment(html: str) -> LexborHTMLParser:
    """Parse `html` as a fragment (no ``<html>``/``<body>`` added) with Lexbor."""
    return LexborHTMLParser(html, is_fragment=True)


class Attributes(Protocol):
    """The attributes of a tag, as a dict or as Lexbor's attribute view."""

    def get(self, key: str, /) -> str | None:
        """The value of attribute `key`, if the tag has it."""
