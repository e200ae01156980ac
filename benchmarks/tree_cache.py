"""What the tree cache costs when posts are held: derived values read one field at a time or not.

A field's parsed tree stays in a small per-thread cache (`wpparse._normalize.trees`); when it
leaves while its field is still alive, the field first captures from it every value it could
still need. Reading one value of each of many held fields therefore pays for all of them, and
reading the rest later pays nothing. Per document of the corpus, best of ``--rounds``:

- ``.text`` of each field made and dropped in turn;
- ``.text`` of every field, all held in a list;
- ``.text`` of every field held, then ``.links`` of every field;
- the five values (text, links, images, embeds, headings), one pass over the held fields each.

Run: ``python benchmarks/tree_cache.py [--rounds N] [CORPUS]``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from normalize import documents_and_rounds  # a sibling script

from wpparse import Content

PATTERNS: dict[str, list[str] | None] = {
    ".text, one field at a time": None,
    ".text of held fields": ["text"],
    ".text, then .links, of held fields": ["text", "links"],
    "five values, a pass each, of held fields": ["text", "links", "images", "embeds", "headings"],
}


def seconds(documents: list[str], passes: list[str] | None) -> float:
    """Seconds to read the values `passes` names (None: .text of each field made in turn)."""
    if passes is None:
        start = time.perf_counter()
        for html in documents:
            Content(html=html).text  # noqa: B018 - the value is what is timed
        return time.perf_counter() - start
    held = [Content(html=html) for html in documents]
    start = time.perf_counter()
    for name in passes:
        for content in held:
            getattr(content, name)
    return time.perf_counter() - start


def main() -> None:
    """Time each pattern on the corpus and print µs per document."""
    documents, rounds = documents_and_rounds(__doc__.split("\n\n")[0], 3)
    best = dict.fromkeys(PATTERNS, float("inf"))
    for _ in range(rounds):  # the patterns in turn, so drift hits all alike
        for name, passes in PATTERNS.items():
            best[name] = min(best[name], seconds(documents, passes))
    print(f"{len(documents)} documents; best of {rounds}")
    for name, total in best.items():
        print(f"{name:44} {total / len(documents) * 1e6:8.1f} µs")


if __name__ == "__main__":
    main()
