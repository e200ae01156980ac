"""Stage 2, structure: JSON values become typed models, with every problem recorded.

Imports only the read stage's output (plain JSON values); never the normalize or output stages.
"""

from wpparse.structure.content import ContentLink, Heading, Image, MediaEmbed, SrcsetCandidate
from wpparse.structure.embedded import Comment, Embedded, Term, User
from wpparse.structure.links import Link, Links
from wpparse.structure.media import ImageSize, MediaDetails
from wpparse.structure.post import Post, read_post
from wpparse.structure.problems import ProblemLog
from wpparse.structure.rendered import Content, Excerpt, Rendered, Title
from wpparse.structure.search import SearchResult

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
