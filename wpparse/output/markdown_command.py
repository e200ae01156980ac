"""``wpparse markdown INPUT… -o DIR``: posts into a static site's content folder, a file each.

Each post becomes a Markdown file: its front matter (`wpparse.output.front_matter`), then
``post.content.markdown``, at the path its layout gives (`wpparse.output.layout`). Inputs are
what ``wpparse convert`` reads (files, folders, ``-``, JSON Lines, ``.gz``) or a site's URL,
fetched with ``?_embed`` (`wpparse.output.fetch`). A file whose text would not change is not
written again, so running over the same folder twice changes nothing, and the summary says how
many files are new, changed and unchanged. The posts are held in memory until all are read,
since a page's path depends on its parents.
"""

from __future__ import annotations

import argparse
import collections
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import attrs

from wpparse.errors import WPParseError
from wpparse.output.exits import EXIT_UNREADABLE, exit_status
from wpparse.output.front_matter import FORMATS, INSTALL_HINT, front_matter, render_front_matter
from wpparse.output.inputs import folder_files
from wpparse.output.layout import LAYOUTS, Layout
from wpparse.parse import iter_located_posts, parse_post
from wpparse.structure.post import Post

#: The kind of warning counted when a post's terms are written by id.
TERMS_BY_ID = "terms-by-id"


@attrs.define
class ExportSummary:
    """What an export wrote, and the warnings it met, counted by kind."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0
    warnings: collections.Counter[str] = attrs.field(factory=collections.Counter)

    @property
    def written(self) -> int:
        """Files that are the export's now: new, changed or already so."""
        return self.new + self.changed + self.unchanged


def export_posts(
    posts: Iterable[Post],
    folder: str | Path,
    *,
    layout: str = "type",
    front_matter_format: str = "yaml",
    warn: Callable[[str], None] | None = None,
) -> ExportSummary:
    """Write each of `posts` as a Markdown file with front matter under `folder`.

    Raises:
        WPParseError: PyYAML or tomli-w is not installed (the ``markdown`` extra).

    """
    if front_matter_format not in FORMATS:
        raise ValueError(f"front_matter_format must be one of {', '.join(FORMATS)}")
    held = list(posts)
    pages = {post.id: post for post in held if post.type == "page" and post.id is not None}
    paths = Layout(layout, pages)
    root = Path(folder)
    summary = ExportSummary()

    def warned(message: str) -> None:
        summary.warnings[TERMS_BY_ID] += 1
        if warn is not None:
            warn(message)

    for post in held:
        summary.warnings.update(problem.kind.value for problem in post.warnings)
        relative = paths.path(post)
        # The slug is the file's name: a numbered one keeps two posts from sharing a URL.
        fields = front_matter(post, relative.stem, warned)
        text = render_front_matter(fields, front_matter_format)
        body = post.content.markdown if post.content is not None else ""
        if body:
            text += f"\n{body}\n"
        data = text.encode("utf-8")
        target = root / relative
        if target.is_file():
            if target.read_bytes() == data:
                summary.unchanged += 1
                continue
            summary.changed += 1
        else:
            summary.new += 1
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return summary


def build_parser() -> argparse.ArgumentParser:
    """The command's arguments."""
    parser = argparse.ArgumentParser(
        prog="wpparse markdown",
        description=(
            "Write each post as a Markdown file with front matter into a static site's content"
            " folder (Hugo, Jekyll, Eleventy, Astro)."
        ),
        epilog=f"Needs PyYAML and tomli-w: {INSTALL_HINT.split(': ')[1]}.",
    )
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="a file, a folder, -, or a site's URL (fetched with ?_embed; needs urllib3)",
    )
    parser.add_argument("-o", "--output", required=True, help="the content folder to write")
    parser.add_argument(
        "--layout",
        choices=LAYOUTS,
        default="type",
        help="type: posts/slug.md, pages/parent/slug.md (default); date: posts/2024/05/slug.md;"
        " slug: slug.md",
    )
    parser.add_argument("--front-matter", choices=FORMATS, default="yaml")
    parser.add_argument(
        "--types", default="posts,pages", help="for a site's URL: what to fetch (posts,pages)"
    )
    parser.add_argument("--rate", type=float, default=2.0, help="for a site's URL: requests/s")
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``wpparse markdown``; return its exit status."""
    args = build_parser().parse_args(argv)
    err = sys.stderr
    tally = {"skipped": 0, "unreadable": 0}

    def skip(error: WPParseError) -> None:
        tally["skipped"] += 1
        print(f"wpparse: skipped {error}", file=err)

    posts = list(_read(args, skip, tally))
    if not posts:
        print(f"wpparse: read no post from {', '.join(args.inputs)}", file=err)
        return EXIT_UNREADABLE
    try:
        summary = export_posts(
            posts,
            args.output,
            layout=args.layout,
            front_matter_format=args.front_matter,
            warn=None if args.quiet else lambda message: print(f"wpparse: {message}", file=err),
        )
    except WPParseError as error:
        print(f"wpparse: {error}", file=err)
        return EXIT_UNREADABLE
    except OSError as error:
        print(f"wpparse: {args.output}: {error.strerror or error}", file=err)
        return EXIT_UNREADABLE
    if not args.quiet:
        warnings = ", ".join(f"{count} {kind}" for kind, count in sorted(summary.warnings.items()))
        print(
            f"wpparse: {summary.written:,} posts written to {args.output} ({summary.new} new,"
            f" {summary.changed} changed, {summary.unchanged} unchanged)"
            + (f"; warnings: {warnings}" if warnings else ""),
            file=err,
        )
    return exit_status(unreadable=tally["unreadable"], skipped=tally["skipped"], stopped=False)


def _read(
    args: argparse.Namespace, skip: Callable[[WPParseError], None], tally: dict[str, int]
) -> Iterator[Post]:
    for given in args.inputs:
        if given.startswith(("http://", "https://")):
            yield from _fetched(given, args, skip, tally)
            continue
        path = Path(given)
        files = folder_files(path) if given != "-" and path.is_dir() else [given]
        for file in files:
            try:
                for _, post in iter_located_posts(file, on_error=skip):
                    yield post
            except WPParseError as error:
                tally["unreadable"] += 1
                print(
                    f"wpparse: {error if error.location else f'{file}: {error}'}", file=sys.stderr
                )


def _fetched(
    url: str, args: argparse.Namespace, skip: Callable[[WPParseError], None], tally: dict[str, int]
) -> Iterator[Post]:
    from wpparse.output.fetch import Site, find_api_root, iter_site
    from wpparse.output.http import Client

    types = [name.strip() for name in args.types.split(",") if name.strip()]
    try:
        client = Client(rate=args.rate)
        site = Site(find_api_root(client, url), client)
        for value in iter_site(site, types, embed=True):
            try:
                yield parse_post(value)
            except WPParseError as error:
                skip(error)
    except WPParseError as error:
        tally["unreadable"] += 1
        print(f"wpparse: {error}", file=sys.stderr)
