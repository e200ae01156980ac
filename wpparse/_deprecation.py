"""Names that moved: each still works, with a DeprecationWarning naming its new place."""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Callable, Mapping
from typing import Any

#: Where a moved name is now: the module and the name there, and how to write it now.
Moved = tuple[str, str, str]


def moved_names(module: str, moved: Mapping[str, Moved]) -> Callable[[str], Any]:
    """The module ``__getattr__`` of `module` for the names in `moved`, until 0.3."""

    def find_moved(name: str) -> Any:
        found = moved.get(name)
        if found is None:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        where, attribute, now = found
        warnings.warn(
            f"{module}.{name} is deprecated and will be removed in 0.3: use {now}",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(importlib.import_module(where), attribute)

    return find_moved
