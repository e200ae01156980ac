"""The types wpparse's functions take, for annotating code that calls them.

``def load(data: wpparse.typing.PostJSON) -> wpparse.Post: return wpparse.parse_post(data)``.
"""

from typing import Any

from wpparse.parse import CollectionJSON, PostJSON, SkippedItemHandler
from wpparse.read import Source

__all__ = ["CollectionJSON", "PostJSON", "SkippedItemHandler", "Source"]

# Names of 0.1 that read alike, still working until 0.3.
_RENAMED = {"PostData": "PostJSON", "PostsData": "CollectionJSON"}


def __getattr__(name: str) -> Any:
    new = _RENAMED.get(name)
    if new is None:
        raise AttributeError(f"module 'wpparse.typing' has no attribute {name!r}")
    import warnings

    warnings.warn(
        f"wpparse.typing.{name} is deprecated and will be removed in 0.3: use wpparse.typing.{new}",
        DeprecationWarning,
        stacklevel=2,
    )
    return globals()[new]
