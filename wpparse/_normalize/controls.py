r"""Control characters in rendered HTML, made into what HTML makes of them, before anything else.

The normalizer marks layout with control characters (`wpparse._normalize.markers`). So that a
mark can never be confused with the input, and no input control character can reach an output,
every rendered field passes through `without_controls` first: after it, the only control
characters in the HTML are tab and line feed, whether the input held them raw or as numeric
character references (``&#7;``, ``&#x0B``). Every control character a tree holds past that
point is a mark, and every reader removes or lays out the marks it meets.

What each becomes is what a browser shows:

- HTML's white space (form feed, carriage return) and the vertical tab (which Word pastes for a
  manual line break) become a space, and a carriage return before a line feed goes, as HTML's
  input stream has it.
- Every other C0 and C1 control, and DEL, renders as nothing, and goes. (References to
  ``&#128;``…``&#159;`` that HTML reads as Windows-1252 characters are left to the parser,
  which maps them; the five with no such character are controls, and go.)
- Lone surrogates (from JSON's ``"\ud800"``) cannot be encoded for the parser: they become
  U+FFFD, as the parser makes of ``&#xD800;``.
"""

from __future__ import annotations

import re

_RAW_AS_SPACE = re.compile("\r\n|[\x0b\x0c\r]")
_RAW_DROPPED = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]+")
_SURROGATES = re.compile("[\ud800-\udfff]")
# Numeric references to the same (a number of any length of leading zeros, the semicolon
# optional, as HTML reads them), in two sets: white space, and the rest. A reference to NUL,
# a surrogate or past U+10FFFF is read by the parser as U+FFFD, and left to it.
_SPACE_REFS = re.compile(r"&#(?:0*1[123](?![0-9])|[xX]0*[bBcCdD](?![0-9a-fA-F]));?")
_DROPPED_REFS = re.compile(
    r"&#(?:0*(?:[1-8]|1[4-9]|2[0-9]|3[01]|127|129|141|143|144|157)(?![0-9])"
    r"|[xX]0*(?:[1-8eEfF]|1[0-9a-fA-F]|7[fF]|8[1dDfF]|9[0dD])(?![0-9a-fA-F]));?"
)


_ANY_REF = re.compile(f"{_SPACE_REFS.pattern}|{_DROPPED_REFS.pattern}")
# Looking for raw ones in the UTF-8 bytes is several times faster than a search for a set of
# characters in the text: deleting every byte but those of C0 controls and DEL is a table
# lookup per byte, C1 controls are found by their fixed first byte, and a lone surrogate
# cannot be encoded at all.
_NOT_C0_BYTES = bytes(
    b for b in range(256) if not ((b < 0x20 and b not in (0x09, 0x0A)) or b == 0x7F)
)
_C1_BYTES = re.compile(rb"\xc2[\x80-\x9f]")


def without_controls(html: str) -> str:
    """`html` with no control character but tab and line feed, raw or referenced."""
    if _has_raw_controls(html):
        html = _SURROGATES.sub("\ufffd", html)
        html = _RAW_AS_SPACE.sub(_space_or_break, html)
        html = _RAW_DROPPED.sub("", html)
    if "&#" in html and _ANY_REF.search(html) is not None:
        html = _SPACE_REFS.sub(" ", html)
        html = _DROPPED_REFS.sub("", html)
    return html


def _has_raw_controls(html: str) -> bool:
    try:
        data = html.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: UTF-8 has no bytes for it
        return True
    return bool(data.translate(None, _NOT_C0_BYTES)) or (
        not html.isascii() and _C1_BYTES.search(data) is not None
    )


def _space_or_break(match: re.Match[str]) -> str:
    # CR LF and a lone CR are a line feed in HTML's input stream; FF and VT show as a space.
    return "\n" if match.group()[0] == "\r" else " "
