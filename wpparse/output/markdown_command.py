"""``wpparse markdown INPUT… -o DIR``: posts into a static site's content folder, a file each.

Each post becomes a Markdown file: its front matter (`wpparse.output.front_matter`), then
``post.content.markdown``, at the path its layout gives (`wpparse.output.layout`). Inputs are
what ``wpparse convert`` reads (files, folders, ``-``, JSON Lines, ``.gz``) or a site's URL,
fetched with ``?_embed`` (`wpparse.output.fetch`). A file whose text would not change is not
written again, so running over the same folder twice changes nothing, and the summary says how
many files are new, changed and unchanged.

A page's path depends on its parents, and a link is rewritten to the path of a post that may
come later, so every path is known before the first file is written: a first pass places each
post (from a copy holding only what its path needs) and pickles the post to a temporary file in
the output folder, which the second pass reads back to write. Memory stays bounded however
large the site is.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import attrs

from wpparse._errors import WPParseError
from wpparse._parse import iter_located_posts, parse_post
from wpparse._structure.post import Post
from wpparse.output._exits import EXIT_UNREADABLE, exit_status
from wpparse.output._inputs import folder_files
from wpparse.output._markdown_rewrite import (
    SHORTCODES,
    hugo_shortcodes,
    link_key,
    post_links,
    rewrite_destinations,
    site_path,
)
from wpparse.output.front_matter import (
    FORMATS,
    INSTALL_HINT,
    SavedObjects,
    front_matter,
    render_front_matter,
)
from wpparse.output.http import INSTALL_HINT as HTTP_INSTALL_HINT
from wpparse.output.layout import LAYOUTS, Layout
from wpparse.output.local_images import ImageStore

#: The kind of warning counted when a post's terms are written by id.
TERMS_BY_ID = "terms-by-id"


@attrs.define
class ExportSummary:
    """What an export wrote, and the warnings it met, counted by kind."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0
    links_rewritten: int = 0
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
    images: ImageStore | None = None,
    rewrite_links: bool = False,
    shortcodes: str = "none",
) -> ExportSummary:
    """Write each of `posts` as a Markdown file with front matter under `folder`.

    With `images` (an `ImageStore`), every image and the featured image are downloaded and
    linked locally; `rewrite_links` points links between the exported posts to their new
    paths; `shortcodes` ``"hugo"`` writes YouTube, Vimeo and tweet embeds as Hugo's
    shortcodes (see docs/markdown.md).

    Raises:
        WPParseError: PyYAML or tomli-w is not installed (the ``markdown`` extra).

    """
    if front_matter_format not in FORMATS:
        raise ValueError(f"front_matter_format must be one of {', '.join(FORMATS)}")
    if shortcodes not in SHORTCODES:
        raise ValueError(f"shortcodes must be one of {', '.join(SHORTCODES)}")
    saved = SavedObjects()
    root = Path(folder)
    with _Spool(root) as spool:
        # Terms and users a dump holds beside its posts name theirs; they are no posts to write.
        placeholders = [spool.keep(post) for post in posts if not saved.add(post)]
        pages = {
            post.id: post for post in placeholders if post.type == "page" and post.id is not None
        }
        paths = Layout(layout, pages)
        placed = [(post, paths.path(post)) for post in placeholders]
        new_urls = {link_key(post.link): site_path(path) for post, path in placed if post.link}
        new_link = post_links(new_urls)
        summary = ExportSummary()

        def warned(message: str) -> None:
            summary.warnings[TERMS_BY_ID] += 1
            if warn is not None:
                warn(message)

        for post, (_, relative) in zip(spool.posts(), placed, strict=True):
            summary.warnings.update(problem.kind.value for problem in post.warnings)
            # The slug is the file's name: a numbered one keeps two posts from sharing a URL.
            fields = front_matter(post, relative.stem, warned, saved)
            body = post.content.markdown if post.content is not None else ""
            if images is not None:
                body = _local_images(post, body, fields, images)
            if rewrite_links and body:
                body, changed = rewrite_destinations(body, new_link)
                summary.links_rewritten += changed
            if shortcodes == "hugo" and post.content is not None:
                body = hugo_shortcodes(body, post.content.embeds)
            text = render_front_matter(fields, front_matter_format)
            if body:
                text += f"\n{body}\n"
            _write(root / relative, text.encode("utf-8"), summary)
    return summary


class _Spool:
    """The posts of an export between its two passes: pickled to a temporary file.

    The file is in the export's folder (created with the first post), not in the system's
    temporary folder: the export needs that much room there anyway, and a temporary folder in
    memory (tmpfs) would undo the point of it.
    """

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._file: IO[bytes] | None = None

    def __enter__(self) -> _Spool:
        return self

    def __exit__(self, *_: object) -> None:
        if self._file is not None:
            self._file.close()  # (a temporary file: closing it removes it)

    def keep(self, post: Post) -> Post:
        """Keep `post`; return a copy with only what its path and links need."""
        if self._file is None:
            self._folder.mkdir(parents=True, exist_ok=True)
            self._file = tempfile.TemporaryFile(dir=self._folder, prefix=".wpparse-")  # noqa: SIM115 - closed by __exit__
        pickle.dump(post, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        return Post(
            id=post.id, type=post.type, slug=post.slug, date=post.date, parent=post.parent,
            link=post.link,
        )  # fmt: skip

    def posts(self) -> Iterator[Post]:
        """The posts kept, in order."""
        if self._file is None:
            return
        self._file.seek(0)
        while True:
            try:
                yield pickle.load(self._file)
            except EOFError:
                return


def _local_images(post: Post, body: str, fields: dict[str, Any], images: ImageStore) -> str:
    """`body` and `fields` with the post's images at their local addresses."""
    found: dict[str, str | None] = {}
    for image in post.content.images if post.content is not None else ():
        found[image.url] = images.local_url(image.url)
    featured = fields.get("featured_image")
    if isinstance(featured, str):
        fields["featured_image"] = images.local_url(featured) or featured
    body, _ = rewrite_destinations(body, found.get)
    return body


def _write(target: Path, data: bytes, summary: ExportSummary) -> None:
    """Write `data` to `target` unless it holds that already; count what happened."""
    if target.is_file():
        if target.read_bytes() == data:
            summary.unchanged += 1
            return
        summary.changed += 1
    else:
        summary.new += 1
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


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
        "--images",
        choices=("keep", "download"),
        default="keep",
        help="keep: images keep their addresses (default); download: each is saved once under"
        " DIR/images/ and linked there (needs urllib3)",
    )
    parser.add_argument(
        "--images-url",
        default="/images/",
        metavar="PREFIX",
        help="the address DIR/images/ is served at (default /images/, Hugo's for a content root)",
    )
    parser.add_argument(
        "--rewrite-links",
        action="store_true",
        help="links to other exported posts point to their new paths (/posts/slug/)",
    )
    parser.add_argument(
        "--shortcodes",
        choices=SHORTCODES,
        default="none",
        help="hugo: YouTube, Vimeo and tweets as Hugo's shortcodes (default: links)",
    )
    parser.add_argument(
        "--types", default="posts,pages", help="for a site's URL: what to fetch (posts,pages)"
    )
    parser.add_argument("--rate", type=float, default=2.0, help="for a site's URL: requests/s")
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``wpparse markdown``; return its exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    # Say what to install before anything is read.
    if importlib.util.find_spec("yaml" if args.front_matter == "yaml" else "tomli_w") is None:
        parser.error(INSTALL_HINT)
    wants_http = args.images == "download" or any(
        given.startswith(("http://", "https://")) for given in args.inputs
    )
    if wants_http and importlib.util.find_spec("urllib3") is None:
        parser.error(HTTP_INSTALL_HINT)
    err = sys.stderr
    tally = {"skipped": 0, "unreadable": 0, "read": 0}

    def skip(error: WPParseError) -> None:
        tally["skipped"] += 1
        print(f"wpparse: skipped {error}", file=err)

    def counted(posts: Iterator[Post]) -> Iterator[Post]:
        for post in posts:
            tally["read"] += 1
            yield post

    def say(message: str) -> None:
        if not args.quiet:
            print(f"wpparse: {message}", file=err)

    try:
        images = None
        if args.images == "download":
            from wpparse.output.http import Client

            # Fewer tries than for pages: a missing image is reported, not fatal.
            client = Client(rate=args.rate, retries=2)
            images = ImageStore(Path(args.output), client, args.images_url, say)
        summary = export_posts(
            counted(_read(args, skip, tally)),
            args.output,
            layout=args.layout,
            front_matter_format=args.front_matter,
            warn=say,
            images=images,
            rewrite_links=args.rewrite_links,
            shortcodes=args.shortcodes,
        )
    except WPParseError as error:
        print(f"wpparse: {error}", file=err)
        return EXIT_UNREADABLE
    except OSError as error:
        print(f"wpparse: {args.output}: {error.strerror or error}", file=err)
        return EXIT_UNREADABLE
    if not tally["read"]:
        print(f"wpparse: read no post from {', '.join(args.inputs)}", file=err)
        return EXIT_UNREADABLE
    if images is not None and images.failed:
        summary.warnings["image-not-downloaded"] += images.failed
    if not args.quiet:
        warnings = ", ".join(f"{count} {kind}" for kind, count in sorted(summary.warnings.items()))
        extras = []
        if images is not None:
            extras.append(f"{images.downloaded} images downloaded")
        if args.rewrite_links:
            extras.append(f"{summary.links_rewritten} links rewritten")
        print(
            f"wpparse: {summary.written:,} posts written to {args.output} ({summary.new} new,"
            f" {summary.changed} changed, {summary.unchanged} unchanged)"
            + "".join(f", {extra}" for extra in extras)
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
    from wpparse.output.fetch import Site, iter_site
    from wpparse.output.http import Client

    types = [name.strip() for name in args.types.split(",") if name.strip()]
    try:
        client = Client(rate=args.rate)
        site = Site.find(client, url)
        for value in iter_site(site, types, embed=True):
            try:
                yield parse_post(value)
            except WPParseError as error:
                skip(error)
    except WPParseError as error:
        tally["unreadable"] += 1
        print(f"wpparse: {error}", file=sys.stderr)
