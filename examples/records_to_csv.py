"""Export posts to a CSV file of flat records: one row per post, for a spreadsheet or pandas.

`wpparse.to_record` gives a post as one flat record (id, absolute link, dates with their UTC
offsets, plain-text title, excerpt and content, counts, its site and the file it came from)
with the columns of `wpparse.RECORD_COLUMNS`, whatever the post lacks. The cells are written
as ``wpparse convert`` writes CSV: None is an empty cell, booleans are ``true`` and ``false``,
and lists of ids are JSON (``[4, 12]``). Items that are not posts are skipped and reported on
standard error.

Run: ``python examples/records_to_csv.py [FILE…] [-o OUT.csv]`` (default: the sample in
examples/data, to standard output). A file may be a JSON array, JSON Lines, or ``.gz``.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any, TextIO

import wpparse

SAMPLE = Path(__file__).parent / "data" / "posts.json"


def cell(value: Any) -> str:
    """One record value as a CSV cell, as ``wpparse convert`` writes it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value)  # true, false, numbers and lists of ids


def write_csv(paths: list[Path], out: TextIO) -> int:
    """Write the header and one row per post of `paths`; return the number of posts."""
    writer = csv.writer(out)
    writer.writerow(wpparse.RECORD_COLUMNS)
    count = 0
    for path in paths:
        for post in wpparse.iter_posts(path, on_error=skipped):
            writer.writerow(
                [cell(value) for value in wpparse.to_record(post, source=str(path)).values()]
            )
            count += 1
    return count


def skipped(error: wpparse.WPParseError) -> None:
    print(f"skipped: {error}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=[SAMPLE])
    parser.add_argument("-o", "--output", type=Path, help="the CSV file (default: stdout)")
    args = parser.parse_args()
    if args.output is None:
        write_csv(args.files, sys.stdout)
        return
    # newline="": the csv module writes its own line ends (\r\n, as RFC 4180 says).
    with args.output.open("w", encoding="utf-8", newline="") as out:
        count = write_csv(args.files, out)
    print(f"{count} posts written to {args.output}")


if __name__ == "__main__":
    main()
