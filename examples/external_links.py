"""List the external links of every post: where each post sends its readers.

`post.content.links` gives every navigable link of a post's content, resolved against the
post's own address, with its text, its ``rel`` tokens and whether it stays on the site. This
prints, per post, the links that leave the site, marking those the site asked search engines
not to follow (``rel="nofollow"``, ``sponsored``, ``ugc``).

Run: ``python examples/external_links.py [FILE]`` (default: the sample in examples/data).
"""

from __future__ import annotations

import sys
from pathlib import Path

import wpparse

SAMPLE = Path(__file__).parent / "data" / "posts.json"
UNENDORSED = {"nofollow", "sponsored", "ugc"}


def main(path: Path) -> None:
    for post in wpparse.iter_posts(path):
        if post.content is None:
            continue
        external = [link for link in post.content.links if link.internal is False]
        title = post.title.text if post.title else "(no title)"
        print(f"{post.id}\t{title}\t{len(external)} external link(s)")
        for link in external:
            flag = " (not endorsed)" if UNENDORSED & set(link.rel) else ""
            print(f"\t{link.url}\t{link.text}{flag}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SAMPLE)
