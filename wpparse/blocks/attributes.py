r"""Decoding a delimiter's attribute JSON as each flavor's JSON decoder does.

WordPress keeps the block whatever happens to its JSON: when decoding fails the block's
``attrs`` is None. Python's `json` is close to both decoders; where it is not, this module
bends it:

- ``NaN``, ``Infinity`` and ``-Infinity`` are not JSON: both flavors reject them.
- Integers beyond what the flavor keeps exact (int64 in PHP, ±2**53 in JS) become floats; so
  does an integer too long for `int` (PHP and JS read it as a float, often ``inf``).
- PHP only: more than 511 nested arrays and objects (``json_decode``'s depth 512 counts the
  inside of the innermost one as a level), and a string holding an unpaired
  surrogate (``"\ud800"``, or a raw one, which PHP would see as invalid UTF-8), give None.
- JS only: any depth is accepted; `json.loads` gives up near Python's recursion limit, so
  deeper JSON is read again by `wpparse.blocks.deepjson`.

The checks that need a walk over the decoded value run only when a cheap look at the text says
they might apply, so ordinary attributes cost one `json.JSONDecoder.decode`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, NoReturn

from wpparse.blocks.deepjson import loads_deep
from wpparse.blocks.flavors import Rules

# A run of digits that might be an integer beyond ±2**53.
_LONG_DIGITS = re.compile(r"[0-9]{16}")
# An escaped or raw surrogate somewhere in the text.
_SURROGATE_HINT = re.compile(r"\\u[dD][89a-fA-F]|[\ud800-\udfff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not JSON")


def _int_parser(low: int, high: int) -> Callable[[str], int | float]:
    def parse_int(digits: str) -> int | float:
        if len(digits) <= 20:
            value = int(digits)
            if low <= value <= high:
                return value
        return float(digits)

    return parse_int


class AttributeDecoder:
    """Decodes attribute JSON for one flavor; `decode` gives a dict, or None when invalid."""

    __slots__ = ("_big", "_parse_int", "_plain", "_rules")

    def __init__(self, rules: Rules) -> None:
        self._rules = rules
        self._parse_int = _int_parser(*rules.int_range)
        self._plain = json.JSONDecoder(parse_constant=_reject_constant)
        self._big = json.JSONDecoder(parse_constant=_reject_constant, parse_int=self._parse_int)

    def decode(self, text: str) -> dict[str, Any] | None:
        """The object `text` holds, or None when the flavor's decoder would fail on it."""
        rules = self._rules
        decoder = self._big if _LONG_DIGITS.search(text) else self._plain
        try:
            value = decoder.decode(text)
        except RecursionError:
            try:
                value = loads_deep(
                    text, max_depth=rules.max_json_nesting, parse_int=self._parse_int
                )
            except ValueError:
                return None
        except ValueError:
            return None
        if not isinstance(value, dict):  # pragma: no cover - the delimiter's JSON is {…}
            return None
        limit = rules.max_json_nesting
        if (
            limit is not None
            and text.count("{") + text.count("[") > limit
            and _depth(value) > limit
        ):
            return None
        if rules.rejects_lone_surrogates and _SURROGATE_HINT.search(text) and _has_surrogate(value):
            return None
        return value


def _depth(value: Any) -> int:
    """How deeply arrays and objects nest in `value` (``{}`` is 1), without recursion."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        children = item.values() if isinstance(item, dict) else item
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return deepest


def _has_surrogate(value: Any) -> bool:
    """Whether a string (key or value) anywhere in `value` holds a lone surrogate."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False
