"""Recording problems against JSON paths while a post is structured."""

from __future__ import annotations

from typing import Any

from wpparse._errors import Problem, ProblemKind, child_path, preview
from wpparse._limits import DEFAULT_LIMITS, Limits

__all__ = ["ProblemLog", "child_path", "json_type", "preview", "top_level_key"]


def json_type(value: Any) -> str:
    """The JSON name of `value`'s type, as a person reading the input would say it."""
    match value:
        case None:
            return "null"
        case bool():
            return "boolean"
        case int() | float():
            return "number"
        case str():
            return "string"
        case list() | tuple():
            return "array"
        case dict():
            return "object"
    return type(value).__name__


def top_level_key(path: str) -> str | None:
    """The first key of a JSON path: ``$.title.rendered`` → ``title``; None for ``$`` itself."""
    if path.startswith("$."):
        end = min((i for i in (path.find(".", 2), path.find("[", 2)) if i > 0), default=len(path))
        return path[2:end]
    if path.startswith("$['"):
        end = path.find("']", 3)
        return path[3:end].replace("\\'", "'").replace("\\\\", "\\") if end > 0 else None
    return None


class ProblemLog:
    """Collects the problems of one parse, in the order they were met.

    It goes wherever a value is read, so it also carries the caller's `Limits`.
    """

    __slots__ = ("limits", "problems")

    def __init__(self, limits: Limits = DEFAULT_LIMITS) -> None:
        self.problems: list[Problem] = []
        self.limits = limits

    def coerced(self, path: str, value: Any, result: Any, expected: str) -> None:
        """Record that `value` was not a valid `expected` and was read as `result`."""
        found = f"{json_type(value)} {preview(value)}"
        message = f"expected {expected}, found {found}; read as {preview(result)}"
        self.problems.append(Problem(path, ProblemKind.COERCED, message))

    def invalid(self, path: str, value: Any, expected: str) -> None:
        """Record that `value` could not be read as `expected` and was left out."""
        message = f"expected {expected}, found {json_type(value)} {preview(value)}; left out"
        self.problems.append(Problem(path, ProblemKind.INVALID, message))

    def add(self, path: str, kind: ProblemKind, message: str) -> None:
        """Record a problem of any other kind."""
        self.problems.append(Problem(path, kind, message))
