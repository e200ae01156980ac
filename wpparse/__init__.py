"""wpparse: WordPress REST API post JSON into clean, typed, trustworthy Python data.

Everything public is here::

    import wpparse

    post = wpparse.parse_post(open("post.json", "rb").read())
    post.title.text, post.date, post.links["wp:featuredmedia"][0].href

A post flows through four stages, one package each: `wpparse.read` (bytes → JSON values),
`wpparse.structure` (JSON values → models), `wpparse.normalize` (rendered HTML → text, lazily)
and `wpparse.output` (JSON and the command line). See ``docs/architecture.md``.
"""

from wpparse import normalize as _normalize  # noqa: F401 - installs the derived-value hook
from wpparse._version import __version__
from wpparse.errors import Problem, ProblemKind, SkippedItemWarning, WPAPIError, WPParseError
from wpparse.parse import ErrorHandler, PostData, PostsData, iter_posts, parse_post, parse_posts
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
    SrcsetCandidate,
    Term,
    Title,
    User,
)

__all__ = [
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
    "Link",
    "Links",
    "MediaDetails",
    "Post",
    "PostData",
    "PostsData",
    "Problem",
    "ProblemKind",
    "Rendered",
    "SkippedItemWarning",
    "Source",
    "SrcsetCandidate",
    "Term",
    "Title",
    "User",
    "WPAPIError",
    "WPParseError",
    "__version__",
    "iter_posts",
    "parse_post",
    "parse_posts",
]
