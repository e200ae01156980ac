"""``wpparse convert``: whole dumps into flat records (JSON Lines or CSV), on every core."""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from wpparse._errors import WPParseError
from wpparse._read.lines import ElementBatch, LineBatch
from wpparse.output._batch import convert_units
from wpparse.output._exits import EXIT_OK, EXIT_UNREADABLE, exit_status
from wpparse.output._inputs import Unit, iter_units
from wpparse.output._parquet import INSTALL_HINT, pyarrow_missing
from wpparse.output._pool import map_chunks
from wpparse.output._progress import Progress
from wpparse.output._summary import Tally
from wpparse.output._writers import FORMATS, RecordSink, format_for, open_sink, silence_stdout

#: Items per chunk handed to a worker process.
CHUNK_ITEMS = 256

_DESCRIPTION = """\
Convert WordPress REST API posts into flat records, one per post (the columns of
wpparse.RECORD_COLUMNS: ids, absolute link, dates, title, excerpt and content text, counts),
written as JSON Lines, CSV or Parquet (Parquet needs pyarrow: pip install 'wpparse[parquet]').
An INPUT is a file (a JSON array, single objects or JSON Lines; gzip-compressed or not), a
folder (every .json, .jsonl, .json.gz and .jsonl.gz file in it and below, in sorted order), or
- for standard input. Records come out in input order, whatever --jobs is. Items that are not
posts are reported, counted by kind at the end, and skipped.
"""

_EPILOG = """\
exit status:
  0  every input was read and every item was a post
  1  some items were skipped (not posts), or --strict stopped at a problem
  2  an input could not be read (missing file, not JSON, an HTML page, an API error; the
     others are still converted), or the command line was wrong

examples:
  wpparse convert dump/ -o posts.jsonl.gz
  wpparse convert posts-*.json -o posts.csv --jobs 4
  wpparse convert shards/ -o posts.parquet
  curl -s https://example.org/wp-json/wp/v2/posts | wpparse convert - -o - | jq .title_text
"""


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes (1 or more): {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``wpparse convert``."""
    parser = argparse.ArgumentParser(
        prog="wpparse convert",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="a file, a folder, or -")
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUTPUT",
        help=(
            "the file to write (.jsonl or .csv, .gz to compress; or .parquet), or - for"
            " standard output"
        ),
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="the output format (default: from OUTPUT's extension; jsonl for -)",
    )
    parser.add_argument(
        "--jobs",
        type=_jobs,
        default=os.cpu_count() or 1,
        metavar="N",
        help="parse in N processes (default: all cores, %(default)s here); 1: no pool",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="stop at the first problem (an item that is not a post, a converted value)",
    )
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress line and no closing summary (problems are still reported)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``wpparse convert``; return its exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    fmt = args.format or ("jsonl" if args.output == "-" else format_for(args.output))
    if fmt is None:
        parser.error(
            f"cannot tell the format from {args.output!r}: name it .jsonl, .csv (.gz too) or"
            " .parquet, or give --format"
        )
    if fmt == "parquet" and args.output.endswith(".gz"):
        parser.error("Parquet compresses its own columns: name the output without .gz")
    if fmt == "parquet" and pyarrow_missing():
        parser.error(INSTALL_HINT)
    target = None if args.output == "-" else Path(args.output).resolve()
    if target is not None and any(Path(given).resolve() == target for given in args.inputs):
        parser.error(f"the output {args.output!r} is also an input")
    err = sys.stderr
    progress = Progress(err, enabled=not args.quiet and err.isatty())
    tally = Tally()
    start = time.perf_counter()
    stopped = False
    try:
        with open_sink(args.output, fmt) as sink:
            stopped = _convert(args, fmt, sink, tally, progress, target)
        altered = sink.altered
    except BrokenPipeError:
        # The reader went away (``wpparse convert … -o - | head``): stop quietly.
        progress.close()
        silence_stdout(sys.stdout)
        return EXIT_OK
    except OSError as exc:
        progress.close()
        print(f"wpparse: {args.output}: cannot write: {exc.strerror or exc}", file=err)
        return EXIT_UNREADABLE
    progress.close()
    if altered:
        print(
            f"wpparse: {altered:,} values did not fit Parquet's types (integers beyond 64"
            " bits written as null, lone surrogates in text as U+FFFD)",
            file=err,
        )
    if not args.quiet or tally.skipped or tally.unreadable or stopped:
        seconds = time.perf_counter() - start
        print(f"wpparse: {tally.summary(seconds, stopped=stopped)}", file=err)
    return exit_status(unreadable=tally.unreadable, skipped=tally.skipped.total(), stopped=stopped)


def _items_in(unit: Unit) -> int:
    # A batch (about 256 KB of JSON) is a chunk's worth of work on its own.
    return CHUNK_ITEMS if isinstance(unit.item, LineBatch | ElementBatch) else 1


def _convert(
    args: argparse.Namespace,
    fmt: str,
    sink: RecordSink,
    tally: Tally,
    progress: Progress,
    target: Path | None,
) -> bool:
    """Write every record; return whether --strict stopped at a problem."""
    work = functools.partial(convert_units, fmt=fmt, strict=args.strict)
    # With workers, array elements travel as text: decoded values in flight would weigh several
    # times more. (Alone, the command would decode them twice for nothing.)
    units = iter_units(args.inputs, exclude=target, batch_arrays=args.jobs > 1)
    chunks = map_chunks(work, units, jobs=args.jobs, chunk_size=CHUNK_ITEMS, size_of=_items_in)
    with contextlib.closing(chunks):
        for outcomes in chunks:
            records = []
            for outcome in outcomes:
                if not isinstance(outcome, WPParseError):
                    records.append(outcome)
                elif outcome.whole_input:
                    tally.unreadable += 1
                    progress.message(f"wpparse: {outcome}")
                elif args.strict:
                    sink.write(records)
                    tally.posts += len(records)
                    progress.message(f"wpparse: {outcome}")
                    return True
                else:
                    tally.skip(outcome)
                    progress.message(f"wpparse: skipped {outcome}")
            sink.write(records)
            tally.posts += len(records)
            progress.update(len(records))
    return False
