"""The ``wpparse`` command: read posts from files or standard input, write them as JSON Lines.

``wpparse convert …`` is the batch command of `wpparse.output._convert`; ``wpparse fetch …``
downloads a site (`wpparse.output.fetch_command`); ``wpparse markdown …`` writes posts as
Markdown files (`wpparse.output.markdown_command`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from wpparse._errors import WPParseError
from wpparse._parse import iter_located_posts
from wpparse._structure.post import Post
from wpparse._version import __version__
from wpparse.output._exits import exit_status
from wpparse.output._jsonl import dumps_json
from wpparse.output._writers import silence_stdout

_DESCRIPTION = """\
Read WordPress REST API posts (a JSON array such as /wp-json/wp/v2/posts returns, a single
object, or JSON Lines; gzip-compressed or not) and write each post to standard output as one
line of clean JSON: dates with their UTC offsets, unknown fields kept, values of the wrong type
converted. Problems go to standard error with the file, line and JSON path.

For flat records (JSON Lines or CSV) of whole dumps on every core, see: wpparse convert --help.
To download a site's posts from its REST API, see: wpparse fetch --help; to write them as
Markdown files for a static site, see: wpparse markdown --help. Files named "convert", "fetch"
or "markdown" are read as ./convert, ./fetch and ./markdown.
"""

_EPILOG = """\
exit status:
  0  every input was read and every item was a post
  1  some items were skipped (not posts), or --strict stopped at a problem
  2  an input could not be read (missing file, not JSON, an HTML page, an API error),
     or the command line was wrong

examples:
  wpparse posts.json > posts.jsonl
  curl -s https://example.org/wp-json/wp/v2/posts | wpparse --text -
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``wpparse`` command."""
    parser = argparse.ArgumentParser(
        prog="wpparse",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="a JSON or JSON Lines file (.gz too), or - for standard input",
    )
    parser.add_argument(
        "--text",
        action="store_true",
        help='add a "text" key (plain text) to title, content, excerpt, caption and description',
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="stop at the first problem instead of converting the value and going on",
    )
    parser.add_argument(
        "--indent",
        type=int,
        metavar="N",
        help="pretty-print each post with N spaces of indentation (then not JSON Lines)",
    )
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="do not report converted values on standard error (skipped items are still reported)",
    )
    parser.add_argument("--version", action="version", version=f"wpparse {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit status."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "convert":
        # Imported here: the batch machinery (process pools, tqdm) is not needed otherwise.
        from wpparse.output import _convert

        return _convert.main(argv[1:])
    if argv and argv[0] == "fetch":
        from wpparse.output import fetch_command

        return fetch_command.main(argv[1:])
    if argv and argv[0] == "markdown":
        from wpparse.output import markdown_command

        return markdown_command.main(argv[1:])
    args = build_parser().parse_args(argv)
    unreadable = 0
    out, err = sys.stdout, sys.stderr
    skipped = 0
    written = 0

    def skip(error: WPParseError) -> None:
        nonlocal skipped
        skipped += 1
        print(f"wpparse: skipped {error}", file=err)

    try:
        for path in args.files:
            try:
                for location, post in iter_located_posts(path, strict=args.strict, on_error=skip):
                    if not args.quiet:
                        for problem in post.warnings:
                            print(f"wpparse: {location}: {problem}", file=err)
                    out.write(dumps_json(_output(post, args.text), indent=args.indent))
                    out.write("\n")
                    written += 1
            except WPParseError as error:
                print(f"wpparse: {error if error.location else f'{path}: {error}'}", file=err)
                if not error.whole_input:
                    # --strict stopped at an item's problem.
                    return exit_status(unreadable=unreadable, skipped=skipped, stopped=True)
                unreadable += 1
        out.flush()
    except BrokenPipeError:
        # The reader went away (``wpparse … | head``): stop quietly, like other filters.
        silence_stdout(out)
        return exit_status(unreadable=unreadable, skipped=skipped, stopped=False)
    if not written:
        # An empty array, or nothing but items skipped: say so, rather than print nothing.
        print(f"wpparse: read no post from {', '.join(args.files)}", file=err)
    return exit_status(unreadable=unreadable, skipped=skipped, stopped=False)


def _output(post: Post, with_text: bool) -> dict[str, Any]:
    data = post.to_dict()
    if with_text:
        for key in ("title", "content", "excerpt", "caption", "description"):
            rendered = getattr(post, key)
            if rendered is not None:
                data[key]["text"] = rendered.text
    return data


def run() -> None:
    """Entry point of the console script."""
    sys.exit(main())
