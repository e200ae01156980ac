"""The types wpparse's functions take, for annotating code that calls them.

``def load(data: wpparse.typing.PostData) -> wpparse.Post: return wpparse.parse_post(data)``.
"""

from wpparse.parse import PostData, PostsData, SkippedItemHandler
from wpparse.read import Source

__all__ = ["PostData", "PostsData", "SkippedItemHandler", "Source"]
