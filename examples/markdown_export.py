"""Export each post to a Markdown file with YAML front matter, for Hugo, Jekyll or Eleventy.

Static-site generators read a post as a Markdown file whose front matter gives its title, date,
slug and taxonomies. This writes one ``<date>-<slug>.md`` file per post: the front matter from
the post's fields (category and tag names when the post was fetched with ``?_embed``, their ids
otherwise; the featured image's URL when it was embedded), then ``post.content.markdown``, the
rendered HTML as CommonMark. Percent-encoded slugs (``caf%c3%a9``) are decoded for the file
name, and a slug can never place a file outside the output folder.

It reads what ``wpparse convert`` reads: files (JSON, JSON Lines, ``.gz`` too), folders of
them, and ``-`` for standard input. (``wpparse markdown`` is the command for whole sites:
layouts, TOML, page hierarchies, re-runs that rewrite nothing unchanged.)

Run: ``python examples/markdown_export.py [INPUT…] -o DIR`` (default: the sample in
examples/data).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import wpparse

SAMPLE = Path(__file__).parent / "data" / "posts.json"

# The taxonomy of each term list of a post, as embedded terms name it.
TAXONOMIES = {"categories": "category", "tags": "post_tag"}

# What a file name must not hold: path separators, characters Windows forbids, control codes.
_UNSAFE = re.compile(r'[/\\:*?"<>|\x00-\x1f\x7f]+')
# Characters json.dumps leaves as they are but YAML does not allow raw (or reads as line
# breaks): DEL, C1 controls, U+2028/U+2029, surrogates, U+FFFE/U+FFFF.
_NOT_YAML = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def yaml_value(value: Any) -> str:
    """`value` (a string, a number or a list of them) as a YAML scalar or flow sequence.

    A JSON value is a valid YAML 1.2 value, so ``json.dumps`` writes the front matter and no
    YAML library is needed; each line also reads back with ``json.loads``.
    """
    text = json.dumps(value, ensure_ascii=False)
    return _NOT_YAML.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def term_names(post: wpparse.Post, field: str) -> list[str | int]:
    """The post's terms of `field` (``categories``, ``tags``): names when embedded, else ids."""
    names: dict[int, str] = {}
    if post.embedded is not None:
        for term in post.embedded.all_terms():
            name = term.name_text  # term names come HTML-escaped: "Caf&eacute;s"
            if term.taxonomy == TAXONOMIES[field] and term.id is not None and name:
                names[term.id] = name
    return [names.get(term_id, term_id) for term_id in post.terms.get(field, ())]


def publication_date(post: wpparse.Post) -> dt.datetime | None:
    """The local publication time, with its UTC offset; in UTC if only that one is known."""
    if post.date is not None and post.date.tzinfo is not None:
        return post.date
    return post.date_gmt or post.date


def safe_slug(post: wpparse.Post) -> str:
    """The post's slug, decoded, as one harmless file-name part; the id when it is empty."""
    slug = _UNSAFE.sub("-", unquote(post.slug or "")).strip("-. ")
    slug = slug.encode("utf-8")[:200].decode("utf-8", "ignore")  # file names: 255 bytes at most
    return slug or str(post.id)


def front_matter(post: wpparse.Post, slug: str) -> str:
    """The YAML front matter block, between its ``---`` lines."""
    fields: dict[str, Any] = {"title": post.title.text if post.title else ""}
    date = publication_date(post)
    if date is not None:
        fields["date"] = date.isoformat()
    fields["slug"] = slug
    fields["categories"] = term_names(post, "categories")
    fields["tags"] = term_names(post, "tags")
    image = post.featured_image_url
    if image is not None:
        fields["featured_image"] = image
    lines = [f"{key}: {yaml_value(value)}" for key, value in fields.items()]
    return "\n".join(["---", *lines, "---"]) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", default=[str(SAMPLE)], metavar="INPUT")
    parser.add_argument("-o", "--output", type=Path, required=True, help="the folder to write")
    args = parser.parse_args()
    folder: Path = args.output
    folder.mkdir(parents=True, exist_ok=True)
    written: set[str] = set()
    for post in posts(args.inputs):
        slug = safe_slug(post)
        date = publication_date(post)
        stem = f"{date:%Y-%m-%d}-{slug}" if date is not None else slug
        name, number = f"{stem}.md", 1
        while name.casefold() in written:  # one slug twice in a day (a post and a page, say)
            number += 1
            name = f"{stem}-{number}.md"
        written.add(name.casefold())
        if Path(name).name != name:  # cannot happen: the slug has no separators; but be sure
            raise ValueError(f"unsafe file name {name!r}")
        path = folder / name
        text = front_matter(post, slug)
        if post.content is not None and post.content.markdown:
            text += f"\n{post.content.markdown}\n"
        path.write_text(text, encoding="utf-8", newline="\n")
        print(f"{post.id}\t{path}")


# The files a folder holds that wpparse reads, as `wpparse convert` finds them.
SUFFIXES = (".json", ".jsonl", ".ndjson", ".json.gz", ".jsonl.gz", ".ndjson.gz")


def posts(inputs: list[str]) -> Iterator[wpparse.Post]:
    """Every post of `inputs`: files, folders (searched for JSON files, in name order) or ``-``."""
    for given in inputs:
        path = Path(given)
        files = (
            sorted(found for found in path.rglob("*") if found.name.endswith(SUFFIXES))
            if given != "-" and path.is_dir()
            else [given]
        )
        for file in files:
            try:
                yield from wpparse.iter_posts(file, on_error=skipped)
            except wpparse.WPParseError as error:  # a whole input that is not posts
                print(f"cannot read {file}: {error}", file=sys.stderr)


def skipped(error: wpparse.WPParseError) -> None:
    print(f"skipped: {error}", file=sys.stderr)


if __name__ == "__main__":
    main()
