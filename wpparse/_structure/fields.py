"""Reading typed values out of JSON, coercing where the meaning is clear and recording the rest.

Every reader takes the value, its JSON path and the `ProblemLog`; it returns the typed value or
None, and records a problem whenever what it returns is not exactly what it was given. A value
that is simply how WordPress speaks (``[]`` for an empty object, ``null`` for "none") is read
silently.
"""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Callable
from typing import Any, TypeVar

from wpparse._errors import ProblemKind
from wpparse._structure.kept import within_limit
from wpparse._structure.problems import ProblemLog, child_path

T = TypeVar("T")
Reader = Callable[[Any, str, ProblemLog], T | None]

# ASCII digits (str's \d takes other scripts' too, which PHP never wrote), no more than Python
# converts to an int (4,300): a longer string is no integer, not an error.
_INTEGER = re.compile(r"\s*[+-]?[0-9]{1,4300}\s*")
_TRUE_WORDS = frozenset({"true", "1", "yes", "on"})
_FALSE_WORDS = frozenset({"false", "0", "no", "off", ""})
# A delimited list of ids in one string: "3,7" or "3 7".
_LIST_SEPARATORS = re.compile(r"[\s,;]+")

MISSING: Any = object()


def read_int(value: Any, path: str, log: ProblemLog) -> int | None:
    """An integer; digits in a string and whole floats are converted."""
    if value is None:
        return None
    if isinstance(value, bool):
        log.invalid(path, value, "an integer")
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        result = int(value)
        log.coerced(path, value, result, "an integer")
        return result
    if isinstance(value, str) and _INTEGER.fullmatch(value):
        result = int(value)
        log.coerced(path, value, result, "an integer")
        return result
    log.invalid(path, value, "an integer")
    return None


def read_stored_int(value: Any, path: str, log: ProblemLog) -> int | None:
    """An integer in a value WordPress passes on untyped, as PHP stored it (``media_details``).

    PHP stores numbers from image metadata as strings as often as not, and the REST schema
    does not type them, so a string of plain digits (``"600"``) is read as its number without a
    problem; anything else is read as `read_int` reads it.
    """
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 4300:
        return int(value)
    return read_int(value, path, log)


def read_id(value: Any, path: str, log: ProblemLog) -> int | None:
    """An id of another object, where WordPress writes 0 for "none"."""
    result = read_int(value, path, log)
    return None if result == 0 else result


def read_str(value: Any, path: str, log: ProblemLog) -> str | None:
    """A string; numbers are written out as strings."""
    if value is None or isinstance(value, str):
        return value
    result = None
    if isinstance(value, float) and math.isfinite(value):
        result = str(value)
    elif isinstance(value, int) and not isinstance(value, bool):
        # Python will not write out an integer of more than 4,300 digits (a dict built in code
        # may hold one; JSON text never gets this far with it).
        with contextlib.suppress(ValueError):
            result = str(value)
    if result is None:
        log.invalid(path, value, "a string")
        return None
    log.coerced(path, value, result, "a string")
    return result


def read_bool(value: Any, path: str, log: ProblemLog) -> bool | None:
    """A boolean; 0 and 1 and the words true/false are converted."""
    if value is None or isinstance(value, bool):
        return value
    result: bool | None = None
    if isinstance(value, int | float) and value in (0, 1):
        result = bool(value)
    elif isinstance(value, str):
        word = value.strip().lower()
        result = True if word in _TRUE_WORDS else False if word in _FALSE_WORDS else None
    if result is None:
        log.invalid(path, value, "a boolean")
    else:
        log.coerced(path, value, result, "a boolean")
    return result


def read_object(value: Any, path: str, log: ProblemLog) -> dict[str, Any] | None:
    """A JSON object; ``[]``, which PHP writes for an empty one, is read as ``{}``."""
    if value is None or isinstance(value, dict):
        return value
    if isinstance(value, list) and not value:
        return {}
    log.invalid(path, value, "an object")
    return None


def read_kept_object(value: Any, path: str, log: ProblemLog) -> dict[str, Any] | None:
    """A JSON object kept as it came (``meta``, ``image_meta``), held to the nesting limit."""
    obj = read_object(value, path, log)
    return None if obj is None else within_limit(obj, path, log)


def read_list(value: Any, path: str, log: ProblemLog, item: Reader[T]) -> tuple[T, ...] | None:
    """A JSON array read item by item with `item`; items that cannot be read are left out.

    An object with numeric keys (PHP's array with gaps) is read as the array of its values. A
    single value where an array belongs becomes an array of one, and a string of ids separated by
    commas or spaces is split.
    """
    if value is None:
        return None
    if isinstance(value, dict) and all(_INTEGER.fullmatch(key) for key in value):
        pairs = sorted(value.items(), key=lambda pair: int(pair[0]))
        return _read_items([(key, item_value) for key, item_value in pairs], path, log, item)
    if isinstance(value, list):
        return _read_items(list(enumerate(value)), path, log, item)
    if isinstance(value, dict):
        log.invalid(path, value, "an array")
        return None
    scratch = ProblemLog()
    if isinstance(value, str) and _LIST_SEPARATORS.search(value.strip()):
        parts = [part for part in _LIST_SEPARATORS.split(value.strip()) if part]
        result = tuple(v for v in (item(part, path, scratch) for part in parts) if v is not None)
    else:
        single = item(value, path, scratch)
        result = () if single is None else (single,)
    if result and not any(p.kind is ProblemKind.INVALID for p in scratch.problems):
        log.coerced(path, value, list(result), "an array")
        return result
    log.invalid(path, value, "an array")
    return None


def _read_items(
    pairs: list[tuple[Any, Any]], path: str, log: ProblemLog, item: Reader[T]
) -> tuple[T, ...]:
    results = []
    for key, item_value in pairs:
        item_path = child_path(path, key)
        if item_value is None:
            # null means "none" for a field, but an array item has no "none" to be.
            log.invalid(item_path, item_value, "an array item")
            continue
        result = item(item_value, item_path, log)
        if result is not None:
            results.append(result)
    return tuple(results)


def read_int_list(value: Any, path: str, log: ProblemLog) -> tuple[int, ...] | None:
    """A JSON array of integers (term ids)."""
    return read_list(value, path, log, read_int)


def read_str_list(value: Any, path: str, log: ProblemLog) -> tuple[str, ...] | None:
    """A JSON array of strings."""
    return read_list(value, path, log, read_str)
