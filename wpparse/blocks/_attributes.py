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
- PHP only: an object nested in the attributes whose keys are ``"0"``, ``"1"``, … in that
  order, or that is empty, is a list, as PHP's arrays are once encoded. The attributes
  themselves stay an object (a dict), as blocks read them, where PHP would encode such
  attributes as a list too.
- JS only: any depth is accepted; `json.loads` gives up near Python's recursion limit, so
  deeper JSON is read again by `wpparse.blocks._deepjson`.

The checks that need a walk over the decoded value run only when a cheap look at the text says
they might apply, so ordinary attributes cost one `json.JSONDecoder.decode`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, NoReturn

from wpparse.blocks._deepjson import loads_deep
from wpparse.blocks._flavors import Rules

# A run of digits that might be an integer beyond ±2**53.
_LONG_DIGITS = re.compile(r"[0-9]{16}")
# An escaped or raw surrogate somewhere in the text.
_SURROGATE_HINT = re.compile(r"\\u[dD][89a-fA-F]|[\ud800-\udfff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# An object PHP would make a list of: a key "0", or an empty object.
_LIST_HINT = re.compile(r'"0"\s*:|\{\s*\}')


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


def _php_array(pairs: list[tuple[str, Any]]) -> dict[str, Any] | list[Any]:
    """An object as PHP's ``json_decode(…, true)`` and ``json_encode`` give it back.

    PHP reads the object into an array (a repeated key keeps its first place and its last
    value, as in a dict), and writes an array whose keys are 0 to n-1 in order as a list. Only
    the strings ``"0"``, ``"1"``, … name those keys: ``"01"`` or ``"+1"`` stay strings in PHP.
    """
    found = dict(pairs)
    if all(key == str(index) for index, key in enumerate(found)):
        return list(found.values())
    return found


class AttributeDecoder:
    """Decodes attribute JSON for one flavor; `decode` gives a dict, or None when invalid."""

    __slots__ = ("_big", "_lists", "_lists_big", "_parse_int", "_plain", "_rules")

    def __init__(self, rules: Rules) -> None:
        self._rules = rules
        self._parse_int = _int_parser(*rules.int_range)
        self._plain = json.JSONDecoder(parse_constant=_reject_constant)
        self._big = json.JSONDecoder(parse_constant=_reject_constant, parse_int=self._parse_int)
        # With PHP's arrays: a call into Python for each object, so only when one may be a list.
        self._lists = json.JSONDecoder(
            parse_constant=_reject_constant, object_pairs_hook=_php_array
        )
        self._lists_big = json.JSONDecoder(
            parse_constant=_reject_constant,
            parse_int=self._parse_int,
            object_pairs_hook=_php_array,
        )

    def decode(self, text: str) -> dict[str, Any] | None:
        """The object `text` holds, or None when the flavor's decoder would fail on it.

        Nested objects are lists where the flavor makes them so (see
        `Rules.numeric_keys_make_lists`).
        """
        rules = self._rules
        big = _LONG_DIGITS.search(text) is not None
        if rules.numeric_keys_make_lists and _LIST_HINT.search(text):
            decoder = self._lists_big if big else self._lists
        else:
            decoder = self._big if big else self._plain
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
        if isinstance(value, list):
            # The attributes themselves stay an object (PHP would encode them as a list).
            value = {str(index): item for index, item in enumerate(value)}
        elif not isinstance(value, dict):  # pragma: no cover - the delimiter's JSON is {…}
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
