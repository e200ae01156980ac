r"""Control characters in rendered HTML, made into what HTML makes of them, before anything else.

The normalizer marks layout with control characters (`wpparse.normalize.markers`). So that a
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

# Raw characters: the C0 controls but tab and line feed, DEL, the C1 controls, lone surrogates.
_RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
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


def without_controls(html: str) -> str:
    """`html` with no control character but tab and line feed, raw or referenced."""
    if _RAW.search(html) is not None:
        html = _SURROGATES.sub("\ufffd", html)
        html = _RAW_AS_SPACE.sub(_space_or_break, html)
        html = _RAW_DROPPED.sub("", html)
    if "&#" in html:
        html = _SPACE_REFS.sub(" ", html)
        html = _DROPPED_REFS.sub("", html)
    return html


def _space_or_break(match: re.Match[str]) -> str:
    # CR LF and a lone CR are a line feed in HTML's input stream; FF and VT show as a space.
    return "\n" if match.group()[0] == "\r" else " "
