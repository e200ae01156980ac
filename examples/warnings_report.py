"""Count what wpparse had to work around in a dump, by kind and by field.

Lenient parsing never stops on a value of the wrong type: it converts what it can, leaves out
what it cannot, and records each case in ``post.warnings`` with its JSON path. This report
shows where a site's data departs from what WordPress documents. Items that are not posts at
all (error objects, broken lines) are counted separately.

Run: ``python examples/warnings_report.py [FILE…]``.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import wpparse

SAMPLE = Path(__file__).parent / "data" / "posts.json"
_INDEX = re.compile(r"\[\d+\]")


def main(paths: list[Path]) -> None:
    posts = 0
    problems: Counter[tuple[str, str]] = Counter()
    skipped: list[wpparse.WPParseError] = []
    for path in paths:
        for post in wpparse.iter_posts(path, on_error=skipped.append):
            posts += 1
            for problem in post.warnings:
                # Group $._embedded.author[0] and $._embedded.author[1] together.
                problems[(problem.kind.value, _INDEX.sub("[]", problem.path))] += 1
    print(f"{posts} posts, {sum(problems.values())} warnings, {len(skipped)} items skipped")
    for (kind, json_path), count in problems.most_common():
        print(f"{count:6}  {kind:15} {json_path}")
    for error in skipped:
        print(f"skipped: {error}")


if __name__ == "__main__":
    main([Path(arg) for arg in sys.argv[1:]] or [SAMPLE])
