r"""Writing blocks back as block markup, the way WordPress's ``serialize_blocks()`` does.

The markup is WordPress's: ``<!-- wp:name {"json"} -->`` … ``<!-- /wp:name -->``, ``core/``
left out of names, no JSON when there are no attributes, inner blocks written where their
placeholders stand in ``inner_content``. The attribute JSON is escaped as WordPress escapes it
(``--``, ``<``, ``>``, ``&`` and ``"`` inside strings as ``\u002d\u002d``, ``\u003c``,
``\u003e``, ``\u0026`` and ``\u0022``), so no value can end the comment early or be mangled
by ``wp_kses``.

Three choices differ from WordPress, each so that a parsed tree comes back unchanged:

- A block is written void (``<!-- wp:x /-->``) when its `inner_content` is empty, not when its
  HTML is: WordPress writes ``<!-- wp:b --><!-- /wp:b -->`` nested in another block as void,
  which then parses back with ``innerContent []`` instead of ``[""]``.
- A string ending in a backslash keeps its closing quote: WordPress's ``/\\"/`` replacement
  turns ``"a\\"`` into the broken ``"a\\u0022``.
- An infinite float (from JSON like ``1e999``) is written ``1e999``; NaN raises ValueError.

What cannot come back unchanged, by nature, is listed in docs/blocks.md: attributes that were
not valid JSON (None is written as no attributes), HTML that holds delimiters (freeform text
after a stray closer, blocks closed at the end of the document), and trees no parse produces.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from typing import Any

from wpparse.blocks._model import Block

_NAME = re.compile(r"(?:[a-z][a-z0-9_-]*/)?[a-z][a-z0-9_-]*")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_ENCODE = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode


def serialize_blocks(blocks: Iterable[Block]) -> str:
    """Block markup for `blocks`: what WordPress saves as ``content.raw``.

    ``parse_blocks(serialize_blocks(blocks)) == blocks`` for every tuple `parse_blocks` returns
    (in the same flavor), except where the parse cannot be written down (docs/blocks.md):
    attributes that were not valid JSON (``attrs`` None) are written as none and come back as
    ``{}``; blocks left open at the end of a document, several deep, hold their inner blocks'
    delimiters in their HTML, which parse as blocks again. Hand-built trees no parse produces
    (two freeform blocks in a row, a name without namespace, …) come back in the shape a parse
    gives. Freeform blocks are written as their HTML.

    Raises:
        ValueError: A name WordPress would not read as a block name (``ns/name`` or ``name``,
            lower-case ASCII letters, digits, ``_`` and ``-``, starting with a letter); an
            `inner_content` whose placeholders do not match `inner_blocks`; NaN in `attrs`.
        TypeError: A value in `attrs` that JSON cannot hold.

    """
    parts: list[str] = []
    pending: list[str | Block] = []
    pending.extend(reversed([*blocks]))
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        children = iter(item.inner_blocks)
        try:
            content = [next(children) if chunk is None else chunk for chunk in item.inner_content]
        except StopIteration:
            content = None
        if content is None or next(children, None) is not None:
            raise ValueError(f"inner_content does not match inner_blocks in {item.name!r}")
        if item.name is None:
            pending.extend(reversed(content))
            continue
        if _NAME.fullmatch(item.name) is None:
            raise ValueError(f"not a block name WordPress reads back: {item.name!r}")
        name = item.name.removeprefix("core/")
        attributes = encode_attributes(item.attrs) + " " if item.attrs else ""
        if not item.inner_content:
            parts.append(f"<!-- wp:{name} {attributes}/-->")
            continue
        parts.append(f"<!-- wp:{name} {attributes}-->")
        pending.append(f"<!-- /wp:{name} -->")
        pending.extend(reversed(content))
    return "".join(parts)


def encode_attributes(attrs: dict[str, Any]) -> str:
    r"""Attribute JSON as WordPress's serializer writes it: compact, Unicode kept, escaped.

    ``{"a": "<b> -- \"c\" & d"}`` → ``{"a":"\u003cb\u003e \u002d\u002d \u0022c\u0022
    \u0026 d"}``. Unpaired surrogates are written as ``\udXXX`` escapes, as ``JSON.stringify``
    writes them.
    """
    try:
        text = _ENCODE(attrs)
    except (ValueError, RecursionError):
        text = _encode_slowly(attrs)
    # Outside strings, JSON never holds these characters, nor a backslash; inside, a backslash
    # always starts an escape. Hiding escaped backslashes first leaves every remaining \" an
    # escaped quote (a raw \x01 cannot occur: JSON escapes control characters).
    text = (
        text.replace("\\\\", "\x01")
        .replace('\\"', "\\u0022")
        .replace("\x01", "\\\\")
        .replace("--", "\\u002d\\u002d")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
    if _SURROGATE.search(text):
        text = _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
    return text


def _encode_slowly(value: Any) -> str:
    """JSON for values the fast encoder refuses: infinite floats and very deep nesting."""
    parts: list[str] = []
    pending: list[Any] = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, _Raw):
            parts.append(item.text)
        elif isinstance(item, dict):
            parts.append("{")
            pending.append(_Raw("}"))
            entries = list(item.items())
            for index in range(len(entries) - 1, -1, -1):
                key, child = entries[index]
                if not isinstance(key, str):
                    raise TypeError(f"attribute keys must be strings, not {key!r}")
                pending.append(child)
                pending.append(_Raw(("," if index else "") + _ENCODE(key) + ":"))
        elif isinstance(item, list | tuple):
            parts.append("[")
            pending.append(_Raw("]"))
            for index in range(len(item) - 1, -1, -1):
                pending.append(item[index])
                if index:
                    pending.append(_Raw(","))
        elif isinstance(item, float) and math.isinf(item):
            parts.append("1e999" if item > 0 else "-1e999")
        else:
            parts.append(_ENCODE(item))
    return "".join(parts)


class _Raw:
    """Text `_encode_slowly` writes as it is."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text
