"""wpparse: WordPress REST API post JSON into clean, typed, trustworthy Python data.

Everything public is here::

    import wpparse

    post = wpparse.parse_post(open("post.json", "rb").read())
    post.title.text, post.date, post.links["wp:featuredmedia"][0].href

The public modules are `wpparse`, `wpparse.blocks`, `wpparse.output` (and those of its modules
docs/api.md lists) and `wpparse.typing`; a module whose name starts with an underscore is
private. A post flows through four stages, one package each: `wpparse._read` (bytes → JSON
values), `wpparse._structure` (JSON values → models), `wpparse._normalize` (rendered HTML →
text, lazily) and `wpparse.output` (flat records, JSON and the command line).
`wpparse.blocks`, between read and structure, parses block markup (``post.content.blocks``).
See ``docs/architecture.md``.
"""

from wpparse import (
    _moved,  # noqa: F401 - first of all: the old module paths, see wpparse/_moved.py
    _normalize,  # noqa: F401 - installs the derived-value hook
    typing,  # noqa: F401 - wpparse.typing, the types to annotate with
)
from wpparse._deprecation import Moved as _Moved
from wpparse._deprecation import moved_names as _moved_names
from wpparse._errors import (
    ErrorKind,
    Problem,
    ProblemKind,
    SkippedItemWarning,
    WPAPIError,
    WPParseError,
)
from wpparse._limits import Limits
from wpparse._parse import (
    iter_posts,
    parse_comment,
    parse_post,
    parse_posts,
    parse_search_result,
    parse_term,
    parse_user,
)
from wpparse._structure import (
    Comment,
    Content,
    ContentLink,
    Embedded,
    Excerpt,
    Heading,
    Image,
    ImageSize,
    Link,
    Links,
    MediaDetails,
    MediaEmbed,
    Post,
    Rendered,
    SearchResult,
    SrcsetCandidate,
    Term,
    Title,
    User,
)
from wpparse._version import __version__
from wpparse.blocks import Block, parse_blocks
from wpparse.output._records import RECORD_COLUMNS, to_record

__all__ = [
    "RECORD_COLUMNS",
    "Block",
    "Comment",
    "Content",
    "ContentLink",
    "Embedded",
    "ErrorKind",
    "Excerpt",
    "Heading",
    "Image",
    "ImageSize",
    "Limits",
    "Link",
    "Links",
    "MediaDetails",
    "MediaEmbed",
    "Post",
    "Problem",
    "ProblemKind",
    "Rendered",
    "SearchResult",
    "SkippedItemWarning",
    "SrcsetCandidate",
    "Term",
    "Title",
    "User",
    "WPAPIError",
    "WPParseError",
    "__version__",
    "iter_posts",
    "parse_blocks",
    "parse_comment",
    "parse_post",
    "parse_posts",
    "parse_search_result",
    "parse_term",
    "parse_user",
    "to_record",
]

# Names 0.1 exported here, which moved in 0.2: each still works, with a DeprecationWarning
# naming its new place, until 0.3. (module, name there, where to find it now)
_MOVED: dict[str, _Moved] = {
    "count_blocks": ("wpparse.blocks", "count_blocks", "wpparse.blocks.count_blocks"),
    "find_blocks": ("wpparse.blocks", "find_blocks", "wpparse.blocks.find_blocks"),
    "has_block": ("wpparse.blocks", "has_block", "wpparse.blocks.has_block"),
    "walk_blocks": ("wpparse.blocks", "walk_blocks", "wpparse.blocks.walk_blocks"),
    "serialize_blocks": ("wpparse.blocks", "serialize_blocks", "wpparse.blocks.serialize_blocks"),
    "records_from_lines": (
        "wpparse.output",
        "records_from_lines",
        "wpparse.output.records_from_lines",
    ),
    "PostData": ("wpparse.typing", "PostJSON", "wpparse.typing.PostJSON"),
    "PostsData": ("wpparse.typing", "CollectionJSON", "wpparse.typing.CollectionJSON"),
    "Source": ("wpparse.typing", "Source", "wpparse.typing.Source"),
    "ErrorHandler": ("wpparse.typing", "SkippedItemHandler", "wpparse.typing.SkippedItemHandler"),
    "Embed": ("wpparse._structure", "MediaEmbed", "wpparse.MediaEmbed"),
    "featured_image_url": (
        "wpparse.output._records",
        "_featured_image_url",
        "Post.featured_image_url",
    ),
}

__getattr__ = _moved_names("wpparse", _MOVED)
