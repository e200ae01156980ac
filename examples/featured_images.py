"""Find each post's featured image URL (and its alt text) from an ``?_embed`` response.

With ``?_embed``, WordPress inlines the featured image's attachment object under
``_embedded["wp:featuredmedia"]``; without it only the id is there. This recipe needs no further
request: it prints the URL of the largest size no wider than ``--max-width`` pixels, or says
that the image was not embedded.

Run: ``python examples/featured_images.py [FILE] [--max-width N]``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import wpparse

SAMPLE = Path(__file__).parent / "data" / "posts.json"


def featured_image_url(post: wpparse.Post, max_width: int) -> tuple[str, str] | None:
    """The URL and alt text of the post's featured image, if it was embedded."""
    if post.featured_media is None or post.embedded is None:
        return None
    for media in post.embedded.featured_media:
        if media.id != post.featured_media or media.source_url is None:
            continue
        url = media.source_url
        if media.media_details is not None:
            fitting = [
                size
                for size in media.media_details.sizes.values()
                if size.width is not None and size.width <= max_width and size.source_url
            ]
            if fitting:
                url = max(fitting, key=lambda size: size.width or 0).source_url or url
        return url, media.alt_text or ""
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=SAMPLE)
    parser.add_argument("--max-width", type=int, default=1024)
    args = parser.parse_args()
    for post in wpparse.iter_posts(args.file):
        found = featured_image_url(post, args.max_width)
        if found is not None:
            url, alt = found
            print(f"{post.id}\t{url}\t{alt}")
        elif post.featured_media is not None:
            print(f"{post.id}\tmedia {post.featured_media} not embedded (fetch with ?_embed)")
        else:
            print(f"{post.id}\tno featured image")


if __name__ == "__main__":
    main()
