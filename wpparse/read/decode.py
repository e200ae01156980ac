"""Decoding one JSON document held in memory, with errors that say what was found instead."""

from __future__ import annotations

import json
import re
from typing import Any

from wpparse.errors import Problem, ProblemKind, WPParseError

# Undecodable bytes come out of the "surrogateescape" handler as U+DC80..U+DCFF; valid UTF-8
# never decodes to these, and JSON's own "\udc80" escapes are still six ASCII characters here.
ESCAPED_BYTES = re.compile("[\udc80-\udcff]")
_BOM = "\ufeff"
_ENCODED_SURROGATE = re.compile(rb"\xed[\xa0-\xbf]")
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


class NonStandardNumbers:
    """Reads ``NaN``, ``Infinity`` and ``-Infinity`` as null, counting them.

    Python's decoder accepts these, but JSON has no such numbers: a consumer of wpparse's output
    would choke on them, and ``NaN`` is not even equal to itself. Given as ``parse_constant``,
    which the C scanner calls, so standard input costs nothing more.
    """

    __slots__ = ("count",)

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, name: str) -> None:
        """Count one more constant, and read it as null."""
        self.count += 1

    def take_problem(self) -> tuple[Problem, ...]:
        """The problem to report for the constants met since the last call, if any."""
        if not self.count:
            return ()
        count, self.count = self.count, 0
        message = f"{count} non-standard JSON number(s) (NaN or Infinity) were read as null"
        return (Problem("$", ProblemKind.INVALID, message),)


def decode_json(data: str | bytes | bytearray | memoryview) -> tuple[Any, tuple[Problem, ...]]:
    """Decode one JSON document.

    Returns the value and the problems met on the way (bytes that are not valid UTF-8, numbers
    JSON does not have).

    Raises:
        WPParseError: the text is not one JSON document: empty, an HTML page, truncated,
            malformed, followed by more data, or nested too deeply for Python's decoder.

    """
    problems: tuple[Problem, ...] = ()
    constants = NonStandardNumbers()
    if isinstance(data, str):
        text = data[1:] if data.startswith(_BOM) else data
    else:
        raw = data if isinstance(data, bytes | bytearray) else bytes(data)
        # The common case, valid UTF-8: the standard library decodes and parses in one go. It
        # lets UTF-8-encoded surrogates through (MySQL's utf8mb3 writes emoji so), which are
        # not valid UTF-8: those bytes go the long way, and are reported.
        if b"\xed" not in raw or not _ENCODED_SURROGATE.search(raw):
            try:
                value = json.loads(raw, parse_constant=constants)
            except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
                constants.count = 0
            else:
                return value, constants.take_problem()
        text, replaced = decode_text(data)
        if replaced:
            problems = (invalid_bytes_problem(replaced),)
    try:
        value = json.loads(text, parse_constant=constants)
        return value, problems + constants.take_problem()
    except json.JSONDecodeError as exc:
        raise WPParseError(describe_decode_error(text, exc)) from None
    except RecursionError:
        raise WPParseError("JSON is nested too deeply to decode") from None


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
        preview = " ".join(stripped[:_PREVIEW_CHARS].split())
        return f"found HTML, not JSON (begins {preview!r}): the REST API may be blocked or broken"
    where = f"line {exc.lineno} column {exc.colno}"
    if exc.msg == "Extra data":
        return f"more than one JSON value (extra data at {where})"
    if looks_truncated(text, exc):
        return f"truncated JSON: the text ends inside a value ({exc.msg} at {where})"
    return f"malformed JSON: {exc.msg} at {where}"


def looks_truncated(text: str, exc: json.JSONDecodeError) -> bool:
    """Whether a decode error in complete `text` is what a value cut short gives."""
    if exc.msg.startswith("Unterminated string"):
        return True
    rest = text[exc.pos :].rstrip()
    return not rest or _PARTIAL_TOKEN.fullmatch(rest) is not None


def may_continue(text: str, exc: json.JSONDecodeError) -> bool:
    """Whether a decode error at the end of a partly read stream could vanish with more text."""
    return exc.msg.startswith("Unterminated string") or exc.pos >= len(text) - _TRUNCATION_MARGIN
