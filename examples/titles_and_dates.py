"""Print the title, publication time and UTC offset of every post in a collection response.

A collection response is what ``/wp-json/wp/v2/posts`` returns: a JSON array of posts. Titles
arrive as HTML (``Caf&eacute; culture returns &#8211; …``) and dates as two clocks without an
offset; wpparse gives plain-text titles and aware datetimes whose offset is the site's own at
that moment (it changes with daylight saving, as the sample shows).

Run: ``python examples/titles_and_dates.py [FILE]`` (default: the sample in examples/data).
"""

from __future__ import annotations

import sys
from pathlib import Path

import wpparse

SAMPLE = Path(__file__).parent / "data" / "posts.json"


def main(path: Path) -> None:
    for post in wpparse.iter_posts(path):
        title = post.title.text if post.title else "(no title)"
        published = post.date.isoformat() if post.date else "unpublished"
        print(f"{post.id}\t{published}\t{post.type}\t{title}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SAMPLE)
