"""A JSON decoder without recursion, for attribute JSON nested too deep for `json.loads`.

`json.loads` recurses once per level of nesting and gives up with RecursionError near
Python's recursion limit, where ``JSON.parse`` goes on (V8's parser keeps its own stack). This
decoder keeps an explicit stack instead, and accepts exactly what `json.loads` accepts
(strings are read by `json.decoder.scanstring`, numbers by the same pattern), so the fast path
and this one never disagree. It is used only when the fast path runs out of recursion.
"""

from __future__ import annotations

import json.decoder
import re
from collections.abc import Callable
from typing import Any

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"(-?(?:0|[1-9][0-9]*))(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_LITERALS = {"true": True, "false": False, "null": None}
# The C string reader `json.loads` uses (typeshed does not declare it).
_scanstring: Callable[[str, int, bool], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]


class InvalidJSONError(ValueError):
    """The text is not JSON, or nests deeper than allowed."""


def loads_deep(text: str, *, max_depth: int | None, parse_int: Callable[[str], Any] = int) -> Any:
    """Decode `text` like `json.loads` (without NaN and Infinity), at any depth.

    Raises InvalidJSONError when `text` is not JSON or nests arrays and objects deeper than
    `max_depth` (None: no limit).
    """
    stack: list[tuple[Any, Any]] = []  # (an open container, the key its next value takes)
    pos = _skip(text, 0)
    while True:
        # A value starts at `pos`.
        char = text[pos : pos + 1]
        value: Any
        if char in ("{", "["):
            if max_depth is not None and len(stack) >= max_depth:
                raise InvalidJSONError("nested too deep")
            pos = _skip(text, pos + 1)
            if text[pos : pos + 1] == ("}" if char == "{" else "]"):
                value, pos = ({} if char == "{" else []), pos + 1
            elif char == "{":
                key, pos = _key(text, pos)
                stack.append(({}, key))
                continue
            else:
                stack.append(([], None))
                continue
        elif char == '"':
            value, pos = _scanstring(text, pos + 1, True)
        elif (number := _NUMBER.match(text, pos)) is not None:
            integer, fraction, exponent = number.groups()
            value = parse_int(integer) if not (fraction or exponent) else float(number.group())
            pos = number.end()
        else:
            for word, literal in _LITERALS.items():
                if text.startswith(word, pos):
                    value, pos = literal, pos + len(word)
                    break
            else:
                raise InvalidJSONError(f"no value at {pos}")
        # A value ended: store it, then close containers for as long as they end here.
        while True:
            pos = _skip(text, pos)
            if not stack:
                if pos != len(text):
                    raise InvalidJSONError(f"extra data at {pos}")
                return value
            container, key = stack[-1]
            if isinstance(container, dict):
                container[key] = value
            else:
                container.append(value)
            char = text[pos : pos + 1]
            if char == ",":
                pos = _skip(text, pos + 1)
                if isinstance(container, dict):
                    key, pos = _key(text, pos)
                    stack[-1] = (container, key)
                break
            if char != ("}" if isinstance(container, dict) else "]"):
                raise InvalidJSONError(f"expected ',' or a closing bracket at {pos}")
            value, pos = container, pos + 1
            stack.pop()


def _key(text: str, pos: int) -> tuple[str, int]:
    """An object key and its colon at `pos`; returns the key and where its value starts."""
    if text[pos : pos + 1] != '"':
        raise InvalidJSONError(f"expected a key at {pos}")
    key, pos = _scanstring(text, pos + 1, True)
    pos = _skip(text, pos)
    if text[pos : pos + 1] != ":":
        raise InvalidJSONError(f"expected ':' at {pos}")
    return key, _skip(text, pos + 1)


def _skip(text: str, pos: int) -> int:
    match = _WHITESPACE.match(text, pos)
    return pos if match is None else match.end()
