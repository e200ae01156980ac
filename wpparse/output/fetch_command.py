"""``wpparse fetch SITE -o OUT``: a site's objects into JSON Lines, resumable, one page at a time.

Each page's objects are written to the output in one write and flushed to disk before the crawl
goes on, so the file never holds part of a line. Beside the output, ``OUT.fetch-state.json``
records, after each page, the file's length and where each type's crawl stands; ``--resume``
cuts the file back to that length (dropping whatever a killed run half wrote) and goes on from
there, so an interrupted and resumed run writes the same file as an uninterrupted one. The
state file goes when the crawl is done. A ``.gz`` output is written as one gzip member per page
(without a timestamp), which every gzip reader reads as one stream.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

from wpparse._errors import WPAPIError, WPParseError
from wpparse.output._exits import EXIT_OK, EXIT_SKIPPED, EXIT_UNREADABLE
from wpparse.output._jsonl import dumps_json
from wpparse.output.http import INSTALL_HINT

STATE_SUFFIX = ".fetch-state.json"
_STATE_VERSION = 1

PageHook = Callable[[Any], None]


def build_parser() -> argparse.ArgumentParser:
    """The command's arguments."""
    parser = argparse.ArgumentParser(
        prog="wpparse fetch",
        description=(
            "Fetch a WordPress site's posts (and other types) from its REST API into JSON Lines"
            " that wpparse, wpparse convert and iter_posts read as they are."
        ),
        epilog=(
            "Needs urllib3: pip install 'wpparse[fetch]'. The password of --user is read from"
            " the environment variable WPPARSE_PASSWORD (a WordPress application password)."
        ),
    )
    parser.add_argument("site", help="any URL of the site (its home page, or its API root)")
    parser.add_argument("-o", "--output", required=True, help="the JSON Lines file (.gz too)")
    parser.add_argument(
        "--types",
        default="posts,pages",
        help="REST bases to fetch, comma-separated: posts, pages, media, categories, tags,"
        " users, comments or a custom type's (default: posts,pages)",
    )
    parser.add_argument("--embed", action="store_true", help="ask for ?_embed (authors, terms…)")
    parser.add_argument("--context", choices=("view", "embed", "edit"), default="view")
    parser.add_argument("--user", help="the user for HTTP Basic authentication (edit context)")
    parser.add_argument(
        "--since",
        metavar="DATE",
        help="only what changed after DATE (ISO 8601, the site's local time, as WordPress"
        " compares it with each object's modified)",
    )
    parser.add_argument(
        "--rate", type=float, default=2.0, help="requests a second at most (default 2)"
    )
    parser.add_argument(
        "--concurrency",
        type=int,
        default=1,
        help="requests in flight at once (default 1; --rate still holds for all of them)",
    )
    parser.add_argument(
        "--per-page", type=int, default=100, help="objects a request (2 to 100, default 100)"
    )
    parser.add_argument(
        "--resume", action="store_true", help="go on from where an interrupted run stopped"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary")
    return parser


@attrs.define
class FetchSummary:
    """What a fetch wrote."""

    objects: int = 0
    pages: int = 0
    requests: int = 0
    warnings: int = 0
    seconds: float = 0.0


def fetch_to_file(
    site_url: str,
    output: str | os.PathLike[str],
    *,
    types: Sequence[str],
    resume: bool = False,
    client_options: dict[str, Any] | None = None,
    after_page: PageHook | None = None,
    warn: Callable[[str], None] | None = None,
    **options: Any,
) -> FetchSummary:
    """Fetch `types` of the site at `site_url` into the JSON Lines file `output`.

    `options` go to `wpparse.output.fetch.iter_pages`, `client_options` to its `Client`;
    `after_page` is called with each page once it is on disk (tests stop a crawl with it).
    """
    from wpparse.output.fetch import Page, Position, Site, iter_pages
    from wpparse.output.http import Client

    path = Path(output)
    state_path = path.with_name(path.name + STATE_SUFFIX)
    # What decides the file's content (not how fast it is fetched): a resume must match it.
    plan = {
        "site": site_url,
        "types": list(types),
        **{key: options[key] for key in sorted(options) if key != "concurrency"},
    }
    start: dict[str, Position] = {}
    length = 0
    if resume and state_path.exists():
        state = json.loads(state_path.read_text(encoding="utf-8"))
        if state.get("version") != _STATE_VERSION or state.get("plan") != plan:
            raise WPParseError(
                f"{state_path}: was written for another fetch ({state.get('plan')}); remove it"
                " or fetch without --resume"
            )
        length = state["length"]
        start = {name: Position(**position) for name, position in state["positions"].items()}
        with path.open("r+b") as file:
            file.truncate(length)  # whatever a killed run wrote after its last whole page
    elif resume and path.exists():
        raise WPParseError(
            f"{path} is complete (no {state_path.name} beside it): nothing to resume"
        )
    else:
        path.unlink(missing_ok=True)
        state_path.unlink(missing_ok=True)
    summary = FetchSummary()
    begin = time.perf_counter()
    client = Client(**(client_options or {}))
    try:
        site = Site.find(client, site_url)
        positions = dict(start)
        for page, position in iter_pages(site, types, start=start, **options):
            assert isinstance(page, Page)
            length = _append(path, page.objects)
            positions[page.type] = position
            _save_state(state_path, plan, length, positions)
            summary.objects += len(page.objects)
            summary.pages += 1
            summary.warnings += len(page.warnings)
            for problem in page.warnings:
                if warn is not None:
                    warn(f"{page.type} page {page.number}: {problem.message}")
            if after_page is not None:
                after_page(page)
    finally:
        summary.requests = client.requests
        client.close()
    if not path.exists():
        _append(path, ())  # an empty site still gets its (empty) file
    state_path.unlink(missing_ok=True)
    summary.seconds = time.perf_counter() - begin
    return summary


def _append(path: Path, objects: Sequence[Any]) -> int:
    """Append `objects` as JSON Lines in one write, synced to disk; the file's new length."""
    data = "".join(dumps_json(value) + "\n" for value in objects).encode("utf-8")
    if path.suffix == ".gz":
        packed = io.BytesIO()
        with gzip.GzipFile(fileobj=packed, mode="wb", mtime=0) as member:
            member.write(data)
        data = packed.getvalue()
    with path.open("ab") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
        return file.tell()


def _save_state(path: Path, plan: dict[str, Any], length: int, positions: dict[str, Any]) -> None:
    state = {
        "version": _STATE_VERSION,
        "plan": plan,
        "length": length,
        "positions": {name: attrs.asdict(position) for name, position in positions.items()},
    }
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(state), encoding="utf-8")
    temporary.replace(path)  # atomic: the state is the old one or the new one, never half


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``wpparse fetch``; return its exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        import urllib3  # noqa: F401 - only to say what to install before anything starts
    except ImportError:
        parser.error(INSTALL_HINT)
    if not 2 <= args.per_page <= 100:
        parser.error("--per-page must be 2 to 100")
    if args.rate <= 0:
        parser.error("--rate must be positive")
    if not 1 <= args.concurrency <= 16:
        parser.error("--concurrency must be 1 to 16")
    auth = None
    if args.user:
        password = os.environ.get("WPPARSE_PASSWORD")
        if not password:
            parser.error("--user needs the application password in WPPARSE_PASSWORD")
        auth = (args.user, password)
    types = [name.strip() for name in args.types.split(",") if name.strip()]
    err = sys.stderr
    try:
        summary = fetch_to_file(
            args.site,
            args.output,
            types=types,
            resume=args.resume,
            client_options={"rate": args.rate, "auth": auth, "connections": args.concurrency},
            warn=lambda message: print(f"wpparse: {message}", file=err),
            embed=args.embed,
            context=args.context,
            modified_after=args.since,
            per_page=args.per_page,
            concurrency=args.concurrency,
        )
    except KeyboardInterrupt:
        print(
            f"wpparse: interrupted; go on with: wpparse fetch --resume … -o {args.output}", file=err
        )
        return EXIT_SKIPPED
    except (WPAPIError, WPParseError) as error:
        print(f"wpparse: {error}", file=err)
        print(
            f"wpparse: stopped; what was fetched is in {args.output} (--resume goes on)", file=err
        )
        return EXIT_UNREADABLE
    except OSError as error:
        print(f"wpparse: {args.output}: {error.strerror or error}", file=err)
        return EXIT_UNREADABLE
    if not args.quiet:
        rate = summary.objects / summary.seconds if summary.seconds else 0.0
        print(
            f"wpparse: {summary.objects:,} objects in {summary.pages:,} pages"
            f" ({summary.requests:,} requests, {summary.seconds:.1f} s, {rate:,.0f} objects/s)"
            f" written to {args.output}",
            file=err,
        )
    return EXIT_SKIPPED if summary.warnings else EXIT_OK
