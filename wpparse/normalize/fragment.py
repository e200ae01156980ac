"""The one place rendered HTML is parsed, so each fragment is parsed once and in one way."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser


def parse_fragment(html: str) -> LexborHTMLParser:
    """Parse `html` as a fragment (no ``<html>``/``<body>`` added) with Lexbor."""
    return LexborHTMLParser(html, is_fragment=True)
