"""The types wpparse's functions take, for annotating code that calls them.

``def load(data: wpparse.typing.PostJSON) -> wpparse.Post: return wpparse.parse_post(data)``.
"""

from wpparse._deprecation import moved_names
from wpparse._parse import CollectionJSON, PostJSON, SkippedItemHandler
from wpparse._read import Source

__all__ = ["CollectionJSON", "PostJSON", "SkippedItemHandler", "Source"]

# Names of 0.1 that read alike, still working until 0.3.
__getattr__ = moved_names(
    "wpparse.typing",
    {
        "PostData": ("wpparse._parse", "PostJSON", "wpparse.typing.PostJSON"),
        "PostsData": ("wpparse._parse", "CollectionJSON", "wpparse.typing.CollectionJSON"),
    },
)
