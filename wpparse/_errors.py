"""Problems met while parsing, and the exceptions wpparse raises.

Every stage reports what it had to work around as a `Problem`: plain data (a JSON path, a kind
and a message) that pickles and compares, never an exception object kept inside a result.
"""

from __future__ import annotations

import enum
import os
import re
import reprlib
import sys
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

__all__ = [
    "Problem",
    "ProblemKind",
    "SkippedItemWarning",
    "WPAPIError",
    "WPParseError",
]

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class ProblemKind(enum.StrEnum):
    """What kind of problem a `Problem` records.

    The values are stable strings, fit for counting and for JSON.
    """

    #: A value had the wrong JSON type but its meaning was clear, so it was converted
    #: (``"12"`` for an id, a bare string for ``title``, ``1`` for ``sticky``).
    COERCED = "coerced"
    #: A value could not be understood and was left out (set to None or skipped); the
    #: message quotes it.
    INVALID = "invalid"
    #: No longer reported: WordPress's error objects in ``_embedded`` (``rest_forbidden``) are
    #: WordPress working as designed, kept in `wpparse.Embedded.errors`. Kept so code that
    #: names the kind goes on working.
    EMBEDDED_ERROR = "embedded-error"
    #: An object held the same key more than once; the last value was kept, as WordPress
    #: (PHP's ``json_decode``) and Python would keep it, and the message quotes the others.
    DUPLICATE_KEY = "duplicate-key"
    #: A value went past one of the `wpparse.Limits`: nesting too deep (the deeper parts were
    #: replaced by null), or more HTML tags than derived values read; or objects embedded in
    #: embedded objects more than 4 levels deep (left out).
    LIMIT = "over-limit"
    #: PHP printed warnings or notices before the JSON (a site with ``display_errors`` on);
    #: the JSON after them was read, and the message quotes the first.
    PHP_MESSAGES = "php-messages"


@attrs.frozen
class Problem:
    """One problem met and worked around while parsing.

    Attributes:
        path: Where it was, as a JSON path from the parsed object (``$.sticky``,
            ``$._embedded.author[0]``).
        kind: What kind of problem it is.
        message: What was found and what was done about it, for a person to read.

    """

    path: str
    kind: ProblemKind
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


# Paths are built for every value read, and the same keys come back in every post.
_SUFFIXES: dict[str, str] = {}
_MAX_CACHED_SUFFIXES = 4096


def child_path(path: str, key: str | int) -> str:
    """The JSON path of `key` inside the value at `path`.

    ``$`` + ``title`` → ``$.title``; ``$._links`` + ``wp:term`` → ``$._links['wp:term']``.
    """
    if isinstance(key, int):
        return f"{path}[{key}]"
    suffix = _SUFFIXES.get(key)
    if suffix is None:
        if _IDENTIFIER.fullmatch(key):
            suffix = "." + key
        else:
            suffix = "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']"
        if len(_SUFFIXES) < _MAX_CACHED_SUFFIXES:
            _SUFFIXES[key] = suffix
    return path + suffix


class _BoundedRepr(reprlib.Repr):
    """``repr`` that stays short and cannot fail: nesting, lengths and huge integers bounded."""

    def __init__(self) -> None:
        super().__init__()
        self.maxlevel = 3
        self.maxstring = self.maxother = self.maxlong = PREVIEW_CHARS

    def repr_int(self, x: int, level: int) -> str:
        # Python refuses to convert integers of more than 4,300 digits to text.
        if x.bit_length() > 1000:
            return f"<an integer of about {int(x.bit_length() * 0.30103) + 1:,} digits>"
        return super().repr_int(x, level)


PREVIEW_CHARS = 80
_BOUNDED_REPR = _BoundedRepr()


def preview(value: Any) -> str:
    """A short rendering of `value` for a problem message, safe for any decoded JSON value."""
    text = _BOUNDED_REPR.repr(value)
    if len(text) > PREVIEW_CHARS:
        text = text[: PREVIEW_CHARS - 1] + "…"
    return text


class ErrorKind(enum.Enum):
    """What kind of input a `WPParseError` refused: for code to branch on, and for counts.

    The error's message says the same for people, with the details.
    """

    #: Not JSON: malformed, or more than one value where one belongs.
    NOT_JSON = "malformed JSON"
    #: An HTML page where JSON was expected (a security plugin, maintenance mode, a login).
    HTML_PAGE = "HTML, not JSON"
    #: JSON cut short: the input ends inside a value.
    TRUNCATED = "truncated JSON"
    #: Nothing at all: an empty file, only white space.
    EMPTY = "empty input"
    #: Larger than `wpparse.Limits.max_size`.
    TOO_LARGE = "value too large"
    #: Nested too deeply to decode.
    TOO_DEEP = "JSON nested too deeply"
    #: Valid JSON, but not an object where one belongs (an array, a string, a number).
    NOT_AN_OBJECT = "not a JSON object"
    #: A WordPress error object (the error is a `WPAPIError`).
    WORDPRESS_ERROR = "WordPress error object"
    #: The file or folder cannot be read.
    UNREADABLE = "unreadable input"
    #: ``strict=True``: the object has problems (listed in ``problems``).
    PROBLEMS = "problems"


class WPParseError(ValueError):
    """The input could not be parsed as WordPress REST data.

    Raised for input that is not a post at all (whatever the mode), and in strict mode for any
    problem. ``problems`` lists every problem found, each with its JSON path; ``location`` says
    where in a file or stream the offending object was, when that is known; ``whole_input`` is
    True when the input as a whole is not posts (it cannot be read, is not JSON, is an HTML page
    or a single error object) rather than one item of it being wrong; ``kind`` says what was
    wrong, as an `ErrorKind`.
    """

    def __init__(
        self,
        message: str,
        problems: Iterable[Problem] = (),
        *,
        location: str | None = None,
        whole_input: bool = False,
        kind: ErrorKind | None = None,
    ) -> None:
        self.summary = message
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.location = location
        self.whole_input = whole_input
        #: What was wrong; problems when ``problems`` lists some and no kind is given.
        self.kind: ErrorKind = kind or (ErrorKind.PROBLEMS if self.problems else ErrorKind.NOT_JSON)
        super().__init__(self._render())

    def with_hint(self, hint: str) -> WPParseError:
        """The same error, its message followed by `hint`."""
        return WPParseError(
            f"{self.summary}; {hint}",
            self.problems,
            location=self.location,
            whole_input=self.whole_input,
            kind=self.kind,
        )

    def _render(self) -> str:
        head = f"{self.location}: {self.summary}" if self.location else self.summary
        if not self.problems:
            return head
        lines = [head] + [f"  {problem}" for problem in self.problems]
        return "\n".join(lines)

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only arguments are not restored by the default exception pickling.
        arguments = (
            type(self),
            self.summary,
            self.problems,
            self.location,
            self.whole_input,
            self.kind,
        )
        return (_rebuild_parse_error, arguments)


def _rebuild_parse_error(
    cls: type[WPParseError],
    summary: str,
    problems: tuple[Problem, ...],
    location: str | None,
    whole_input: bool,
    kind: ErrorKind | None = None,
) -> WPParseError:
    return cls(summary, problems, location=location, whole_input=whole_input, kind=kind)


class WPAPIError(WPParseError):
    """The input is a WordPress REST API error object, not a post.

    WordPress answers failed requests with ``{"code": ..., "message": ..., "data": {"status":
    ...}}``; ``code``, ``message`` and ``status`` (the HTTP status, or None) are taken from it, and
    ``data`` keeps the whole ``data`` object. When WordPress reports several errors at once, the
    others (its ``additional_errors``) are in ``additional_errors``, each a `WPAPIError`.
    """

    def __init__(
        self,
        code: str,
        message: str,
        status: int | None = None,
        data: Mapping[str, Any] | None = None,
        *,
        location: str | None = None,
        additional_errors: Iterable[WPAPIError] = (),
    ) -> None:
        self.code = code
        self.message = message
        self.status = status
        self.data: Mapping[str, Any] = data if data is not None else {}
        self.additional_errors: tuple[WPAPIError, ...] = tuple(additional_errors)
        status_part = f", HTTP {status}" if status is not None else ""
        summary = f"WordPress returned an error ({code}{status_part}): {message}"
        if self.additional_errors:
            others = ", ".join(error.code for error in self.additional_errors)
            summary += f" (and {len(self.additional_errors)} more: {others})"
        super().__init__(summary, location=location, kind=ErrorKind.WORDPRESS_ERROR)

    def __reduce__(self) -> tuple[Any, ...]:
        arguments = (self.code, self.message, self.status, dict(self.data), self.location)
        return (_rebuild_api_error, (*arguments, self.whole_input, self.additional_errors))


def _rebuild_api_error(
    code: str,
    message: str,
    status: int | None,
    data: dict[str, Any],
    location: str | None,
    whole_input: bool,
    additional_errors: tuple[WPAPIError, ...] = (),
) -> WPAPIError:
    error = WPAPIError(
        code, message, status, data, location=location, additional_errors=additional_errors
    )
    error.whole_input = whole_input
    return error


class SkippedItemWarning(UserWarning):
    """Issued in lenient mode when an item of a list or stream is not a post and is skipped.

    Pass ``on_error=`` to `wpparse.iter_posts` or `wpparse.parse_posts` to receive the
    `WPParseError` instead of this warning.
    """


_PACKAGE = str(Path(__file__).parent) + os.sep


def warn_caller(message: str, category: type[Warning]) -> None:
    """Issue a warning that points at the code that called wpparse, not at wpparse.

    How deep in wpparse the call is depends on the entry point (a generator, a list, a path
    read through another function), so the frames are counted instead of fixed.
    """
    frame = sys._getframe(1)
    level = 2  # warn_caller's caller
    while frame.f_back is not None and frame.f_code.co_filename.startswith(_PACKAGE):
        frame = frame.f_back
        level += 1
    warnings.warn(message, category, stacklevel=level)
