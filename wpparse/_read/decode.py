"""Decoding one JSON document held in memory, with errors that say what was found instead."""

from __future__ import annotations

import json
import math
import re
import threading
from typing import Any

from wpparse._errors import ErrorKind, Problem, ProblemKind, WPParseError, child_path, preview
from wpparse._read.php_messages import skip_php_messages

# Undecodable bytes come out of the "surrogateescape" handler as U+DC80..U+DCFF; valid UTF-8
# never decodes to these, and JSON's own "\udc80" escapes are still six ASCII characters here.
ESCAPED_BYTES = re.compile("[\udc80-\udcff]")
_BOM = "\ufeff"
_PREVIEW_CHARS = 60
# What is left where a literal or number was cut short: "tr", "nul", "-", "-Infin", or the
# tail of a number the scanner stopped in ("1." leaves ".", "1e-" leaves "e-").
_PARTIAL_TOKEN = re.compile(
    r"t(r(ue?)?)?|f(a(l(se?)?)?)?|n(u(ll?)?)?|N(aN?)?|-?(I(n(f(i(n(i(ty?)?)?)?)?)?)?)?"
    r"|\.\d*([eE][+-]?)?|[eE][+-]?"
)
# A parse error this close to the end of the text means the text stopped early.
_TRUNCATION_MARGIN = 16


def decode_text(data: bytes | bytearray | memoryview) -> tuple[str, int]:
    """Decode JSON bytes to text: UTF-8 (a BOM tolerated), or UTF-16/32 when a BOM or NULs say so.

    Returns the text and how many undecodable bytes were replaced with U+FFFD.
    """
    raw = bytes(data)
    encoding = json.detect_encoding(raw)
    if not encoding.startswith("utf-8"):
        # UTF-16 and UTF-32, rare in the wild: "surrogateescape" cannot stand for the ASCII
        # bytes of a broken unit, so broken units are replaced and the replacements counted.
        text = raw.decode(encoding, errors="replace")
        return text.removeprefix(_BOM), text.count("\ufffd")
    text = raw.decode(encoding, errors="surrogateescape")
    text, replaced = ESCAPED_BYTES.subn("\ufffd", text)
    if text.startswith(_BOM):
        text = text[1:]
    return text, replaced


class DecoderWatch:
    """Hooks for Python's JSON decoder that notice what it would let pass without a word.

    - ``NaN``, ``Infinity`` and ``-Infinity``: Python accepts them, but JSON has no such
      numbers; a consumer of wpparse's output would choke on them, and ``NaN`` is not even
      equal to itself. They are read as null and counted (`read_constant`, the decoder's
      ``parse_constant``, which the C scanner calls only for them).
    - Numbers too large to represent: a float such as ``1e999`` would become infinity, and an
      integer longer than Python converts (``sys.get_int_max_str_digits()``, 4,300 digits)
      raises ValueError. Both are read as null and counted: `read_float` sees every float
      (rare in posts); integers go through `read_int` only when a document is read again after
      that ValueError, so the many ordinary ids cost nothing.
    - A key repeated in one object: Python keeps the last value and drops the others silently.
      `read_object` (the ``object_pairs_hook``) notices; the objects are located and reported
      afterwards, which costs nothing when, as nearly always, there are none. The hooks make
      decoding about 1.1× slower on the shared corpus (decoders are reused, see `_Decoder`).

    One watch serves one decoder; `take_problems` after each value reports and resets.
    """

    __slots__ = ("constants", "oversized", "repeats")

    def __init__(self) -> None:
        self.constants = 0
        self.oversized = 0
        self.repeats = 0

    def hooks(self, *, every_integer: bool = False) -> dict[str, Any]:
        """The keyword arguments that install the watch on ``json.loads`` or a decoder.

        `every_integer` also routes integers through the watch: for reading again a document
        that held an integer too long for Python.
        """
        hooks: dict[str, Any] = {
            "parse_constant": self.read_constant,
            "parse_float": self.read_float,
            "object_pairs_hook": self.read_object,
        }
        if every_integer:
            hooks["parse_int"] = self.read_int
        return hooks

    def read_constant(self, name: str) -> None:
        """Count one more non-standard constant, and read it as null."""
        self.constants += 1

    def read_float(self, text: str) -> float | None:
        """A float; one too large to represent (it would be infinity) is null, and counted."""
        value = float(text)
        if math.isinf(value):
            self.oversized += 1
            return None
        return value

    def read_int(self, text: str) -> int | None:
        """An integer; one too long for Python to convert is null, and counted."""
        try:
            return int(text)
        except ValueError:
            self.oversized += 1
            return None

    def read_object(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        """Build an object; one that repeats a key keeps its pairs, to be reported."""
        obj = dict(pairs)
        if len(obj) == len(pairs):
            return obj
        self.repeats += 1
        return _RepeatedKeys(obj, pairs)

    def reset(self) -> None:
        """Forget what was seen: the value is about to be decoded again."""
        self.constants = self.oversized = self.repeats = 0

    def take_problems(self, value: Any) -> tuple[Any, tuple[Problem, ...]]:
        """`value` with plain dicts throughout, and the problems seen since the last call."""
        problems: tuple[Problem, ...] = ()
        if self.constants:
            message = (
                f"{self.constants} non-standard JSON number(s) (NaN or Infinity) were read as null"
            )
            problems = (Problem("$", ProblemKind.INVALID, message),)
        if self.oversized:
            message = f"{self.oversized} number(s) too large to represent were read as null"
            problems += (Problem("$", ProblemKind.INVALID, message),)
        if self.repeats:
            value, repeated = _report_repeated_keys(value)
            problems += repeated
        self.reset()
        return value, problems


class _Decoder(threading.local):
    """One `DecoderWatch` and its decoders per thread: built once, not on every document.

    (``json.loads`` with hooks builds a new decoder for every call, which costs more than the
    hooks themselves on a post-sized document.)
    """

    def __init__(self) -> None:
        self.watch = DecoderWatch()
        self._decoder = json.JSONDecoder(**self.watch.hooks())
        # For a document holding an integer too long for Python, which the first cannot read.
        self._careful = json.JSONDecoder(**self.watch.hooks(every_integer=True))

    def decode(self, text: str) -> tuple[Any, tuple[Problem, ...]]:
        """The value of one JSON document and the problems the watch saw.

        Raises what ``json.loads`` raises, but never the ValueError of an integer too long
        for Python: such a document is read again with every integer going through the watch.
        """
        self.watch.reset()
        try:
            value = self._decoder.decode(text)
        except json.JSONDecodeError:
            raise
        except ValueError:
            self.watch.reset()
            value = self._careful.decode(text)
        return self.watch.take_problems(value)


_DECODER = _Decoder()


class _RepeatedKeys(dict[str, Any]):
    """An object that held some key more than once, with the pairs as they came."""

    __slots__ = ("pairs",)

    def __init__(self, obj: dict[str, Any], pairs: list[tuple[str, Any]]) -> None:
        super().__init__(obj)
        self.pairs = pairs


def _report_repeated_keys(value: Any) -> tuple[Any, tuple[Problem, ...]]:
    """Find the objects that repeated a key: a problem for each, and plain dicts in their place.

    Walks with a stack of its own, since the value may be nested as deeply as the decoder allows.
    """
    problems = []
    root = [value]
    stack: list[tuple[Any, str | int, str]] = [(root, 0, "$")]
    while stack:
        parent, key, path = stack.pop()
        item = parent[key]
        if isinstance(item, _RepeatedKeys):
            problems.extend(_repeated_key_problems(item.pairs, path))
            item = parent[key] = dict(item)
        if isinstance(item, dict):
            stack.extend((item, name, child_path(path, name)) for name in reversed(list(item)))
        elif isinstance(item, list):
            stack.extend(
                (item, index, child_path(path, index)) for index in reversed(range(len(item)))
            )
    return root[0], tuple(problems)


def _repeated_key_problems(pairs: list[tuple[str, Any]], path: str) -> list[Problem]:
    values: dict[str, list[Any]] = {}
    for key, item in pairs:
        values.setdefault(key, []).append(item)
    problems = []
    for key, items in values.items():
        if len(items) > 1:
            dropped = ", ".join(
                preview(dict(item) if isinstance(item, _RepeatedKeys) else item)
                for item in items[:-1]
            )
            message = (
                f"key {key!r} appears {len(items)} times; the last value was kept and "
                f"{'this one was' if len(items) == 2 else 'these were'} dropped: {dropped}"
            )
            problems.append(Problem(child_path(path, key), ProblemKind.DUPLICATE_KEY, message))
    return problems


def decode_json(data: str | bytes | bytearray | memoryview) -> tuple[Any, tuple[Problem, ...]]:
    """Decode one JSON document.

    Returns the value and the problems met on the way (bytes that are not valid UTF-8, numbers
    JSON does not have or too large to represent, keys repeated in an object).

    Raises:
        WPParseError: the text is not one JSON document: empty, an HTML page, truncated,
            malformed, followed by more data, or nested too deeply for Python's decoder.

    """
    problems: tuple[Problem, ...] = ()
    if isinstance(data, str):
        text = data[1:] if data.startswith(_BOM) else data
    else:
        raw = data if isinstance(data, bytes | bytearray) else bytes(data)
        # The common case, valid UTF-8 without a BOM: strict decoding, then one parse. UTF-8
        # that encodes surrogates (MySQL's utf8mb3 writes emoji so) is not valid and fails
        # here, as do other bad bytes: those go the long way, and are reported.
        if json.detect_encoding(raw) == "utf-8":
            try:
                return _DECODER.decode(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
                pass
        text, replaced = decode_text(data)
        if replaced:
            problems = (invalid_bytes_problem(replaced),)
    try:
        value, found = _DECODER.decode(text)
        return value, problems + found
    except json.JSONDecodeError as exc:
        start, php = skip_php_messages(text)
        if php is not None:
            # PHP's warnings before the JSON: read what follows them.
            value, found = decode_json(text[start:])
            return value, (*problems, php, *found)
        raise WPParseError(
            describe_decode_error(text, exc), kind=decode_error_kind(text, exc)
        ) from None
    except RecursionError:
        raise WPParseError("JSON is nested too deeply to decode", kind=ErrorKind.TOO_DEEP) from None


def invalid_bytes_problem(count: int) -> Problem:
    """The problem recorded when `count` bytes were not valid UTF-8."""
    return Problem(
        "$",
        ProblemKind.INVALID,
        f"{count} byte(s) were not valid UTF-8 and were replaced with U+FFFD",
    )


def describe_decode_error(text: str, exc: json.JSONDecodeError) -> str:
    """Say in plain words why `text` is not JSON, naming what was found instead."""
    stripped = text.lstrip()
    if not stripped:
        return "empty input: expected JSON, found nothing"
    if stripped.startswith("<"):
        begins = " ".join(stripped[:_PREVIEW_CHARS].split())
        return f"found HTML, not JSON (begins {begins!r}): the REST API may be blocked or broken"
    where = f"line {exc.lineno} column {exc.colno}"
    if exc.msg == "Extra data":
        return f"more than one JSON value (extra data at {where})"
    if looks_truncated(text, exc):
        return f"truncated JSON: the text ends inside a value ({json_message(exc)} at {where})"
    return f"malformed JSON: {json_message(exc)} at {where}"


def json_message(exc: json.JSONDecodeError) -> str:
    """What the decoder says, without the " at" some of its messages end with.

    (``Unterminated string starting at``: the decoder's own text puts the position after it.)
    """
    return exc.msg.removesuffix(" at")


def decode_error_kind(text: str, exc: json.JSONDecodeError) -> ErrorKind:
    """The `ErrorKind` of the error `describe_decode_error` describes."""
    stripped = text.lstrip()
    if not stripped:
        return ErrorKind.EMPTY
    if stripped.startswith("<"):
        return ErrorKind.HTML_PAGE
    if exc.msg != "Extra data" and looks_truncated(text, exc):
        return ErrorKind.TRUNCATED
    return ErrorKind.NOT_JSON


def looks_truncated(text: str, exc: json.JSONDecodeError) -> bool:
    """Whether a decode error in complete `text` is what a value cut short gives."""
    if exc.msg.startswith("Unterminated string"):
        return True
    rest = text[exc.pos :].rstrip()
    return not rest or _PARTIAL_TOKEN.fullmatch(rest) is not None


def may_continue(text: str, exc: json.JSONDecodeError) -> bool:
    """Whether a decode error at the end of a partly read stream could vanish with more text."""
    return exc.msg.startswith("Unterminated string") or exc.pos >= len(text) - _TRUNCATION_MARGIN
