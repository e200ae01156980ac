"""wpparse: WordPress REST API post JSON into clean, typed, trustworthy Python data.

Everything public is here::

    import wpparse

    post = wpparse.parse_post(open("post.json", "rb").read())
    post.title.text, post.date, post.links["wp:featuredmedia"][0].href

A post flows through four stages, one package each: `wpparse.read` (bytes → JSON values),
`wpparse.structure` (JSON values → models), `wpparse.normalize` (rendered HTML → text, lazily)
and `wpparse.output` (flat records, JSON and the command line). `wpparse.blocks`, between read
and structure, parses block markup (``post.content.blocks``). See ``docs/architecture.md``.
"""

from wpparse import normalize as _normalize  # noqa: F401 - installs the derived-value hook
from wpparse._version import __version__
from wpparse.blocks import (
    Block,
    count_blocks,
    find_blocks,
    has_block,
    parse_blocks,
    serialize_blocks,
    walk_blocks,
)
from wpparse.errors import Problem, ProblemKind, SkippedItemWarning, WPAPIError, WPParseError
from wpparse.limits import Limits
from wpparse.output.partitions import records_from_lines
from wpparse.output.records import RECORD_COLUMNS, featured_image_url, to_record
from wpparse.parse import (
    ErrorHandler,
    PostData,
    PostsData,
    iter_posts,
    parse_comment,
    parse_post,
    parse_posts,
    parse_search_result,
    parse_term,
    parse_user,
)
from wpparse.read import Source
from wpparse.structure import (
    Comment,
    Content,
    ContentLink,
    Embed,
    Embedded,
    Excerpt,
    Heading,
    Image,
    ImageSize,
    Link,
    Links,
    MediaDetails,
    Post,
    Rendered,
    SearchResult,
    SrcsetCandidate,
    Term,
    Title,
    User,
)

__all__ = [
    "RECORD_COLUMNS",
    "Block",
    "Comment",
    "Content",
    "ContentLink",
    "Embed",
    "Embedded",
    "ErrorHandler",
    "Excerpt",
    "Heading",
    "Image",
    "ImageSize",
    "Limits",
    "Link",
    "Links",
    "MediaDetails",
    "Post",
    "PostData",
    "PostsData",
    "Problem",
    "ProblemKind",
    "Rendered",
    "SearchResult",
    "SkippedItemWarning",
    "Source",
    "SrcsetCandidate",
    "Term",
    "Title",
    "User",
    "WPAPIError",
    "WPParseError",
    "__version__",
    "count_blocks",
    "featured_image_url",
    "find_blocks",
    "has_block",
    "iter_posts",
    "parse_blocks",
    "parse_comment",
    "parse_post",
    "parse_posts",
    "parse_search_result",
    "parse_term",
    "parse_user",
    "records_from_lines",
    "serialize_blocks",
    "to_record",
    "walk_blocks",
]
