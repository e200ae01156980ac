"""Stage 2, structure: JSON values become typed models, with every problem recorded.

Imports only the read stage's output (plain JSON values); never the normalize or output stages.
"""

from wpparse._structure.content import ContentLink, Heading, Image, MediaEmbed, SrcsetCandidate
from wpparse._structure.embedded import Comment, Embedded, Term, User
from wpparse._structure.links import Link, Links
from wpparse._structure.media import ImageSize, MediaDetails
from wpparse._structure.post import Post, read_post
from wpparse._structure.problems import ProblemLog
from wpparse._structure.rendered import Content, Excerpt, Rendered, Title
from wpparse._structure.search import SearchResult

__all__ = [
    "Comment",
    "Content",
    "ContentLink",
    "Embedded",
    "Excerpt",
    "Heading",
    "Image",
    "ImageSize",
    "Link",
    "Links",
    "MediaDetails",
    "MediaEmbed",
    "Post",
    "ProblemLog",
    "Rendered",
    "SearchResult",
    "SrcsetCandidate",
    "Term",
    "Title",
    "User",
    "read_post",
]
