"""Values kept as they came (plugin fields, ``meta``, …), held to the nesting limit.

Typed fields cannot nest deeper than their model; values kept as they came can nest as deeply
as the JSON decoder allows (nearly a thousand levels), and a post holding one could not be
pickled or copied. So parts nested deeper than `Limits.max_depth` are replaced by null and
reported. Checking costs a walk over the containers of kept values only: about 2 µs a post on
the shared corpus, whose kept values nest 8 levels at most.
"""

from __future__ import annotations

from typing import Any

from wpparse._errors import ProblemKind, child_path
from wpparse._structure.problems import ProblemLog


def within_limit(value: Any, path: str, log: ProblemLog, key: str | None = None) -> Any:
    """`value`, or a copy of it with the parts nested past the limit replaced by null.

    `value` is at `path`, or at its `key` when given (the path is then built only if needed).
    """
    if type(value) is not dict and type(value) is not list:
        return value
    limit = log.limits.max_depth
    if not _deeper_than(value, limit):
        return value
    if key is not None:
        path = child_path(path, key)
    value, cut = _cut_deeper_than(value, limit)
    message = (
        f"nested deeper than {limit} levels (Limits.max_depth): {cut} part(s) replaced by null"
    )
    log.add(path, ProblemKind.LIMIT, message)
    return value


def _deeper_than(value: Any, limit: int) -> bool:
    """Whether a container in `value` (which is at depth 1) sits deeper than `limit`."""
    stack = [(value, 1)]
    while stack:
        container, depth = stack.pop()
        if depth > limit:
            return True
        depth += 1
        for child in container.values() if type(container) is dict else container:
            if type(child) is dict or type(child) is list:
                stack.append((child, depth))
    return False


def _cut_deeper_than(value: Any, limit: int) -> tuple[Any, int]:
    """A copy of `value` with the containers deeper than `limit` replaced by None, and their count.

    Copies rather than changes: the value may belong to a dict the caller still holds. Walks
    with a stack of its own, since the value may nest deeper than Python's recursion limit.
    """
    root: list[Any] = [None]
    cut = 0
    stack: list[tuple[Any, Any, Any, int]] = [(value, root, 0, 1)]
    while stack:
        source, parent, key, depth = stack.pop()
        if depth > limit:
            parent[key] = None
            cut += 1
            continue
        copy: Any = dict(source) if type(source) is dict else list(source)
        parent[key] = copy
        keys = copy.keys() if type(copy) is dict else range(len(copy))
        stack.extend(
            (copy[name], copy, name, depth + 1)
            for name in keys
            if type(copy[name]) is dict or type(copy[name]) is list
        )
    return root[0], cut
