"""How fast wpparse parses block markup, and that the time grows linearly with the size.

Measures, best of ``--rounds``:

- every block fixture in ``shared/fixtures/blocks/`` concatenated into one document;
- a generated 10 MB post of about 100,000 blocks: paragraphs, headings, images, lists of
  list items and groups of columns nesting them, with attribute JSON on most;
- pathological inputs: ``<!-- wp:a {`` followed by a megabyte of ``}``, and a megabyte of
  unterminated ``<!-- wp:a {`` heads (a backtracking parser takes quadratic time on both).

For each it prints MB/s (megabytes of UTF-8) for the PHP and JS flavors, and for the generated
post and the pathological inputs the times at 1×, 2× and 4× the size with the ratio of each
time to the one before: about 2 means linear, 4 quadratic (timed with the cyclic garbage
collector paused, whose thresholds make single measures jump). It also times
`serialize_blocks` on the generated post.

Run: ``python benchmarks/blocks.py [--rounds N] [FIXTURES_DIR]``.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from wpparse.blocks import Flavor, count_blocks, parse_blocks, serialize_blocks

DEFAULT_FIXTURES = Path(__file__).resolve().parent.parent.parent / "shared" / "fixtures" / "blocks"
FLAVORS: tuple[Flavor, ...] = ("php", "js")


def fixtures_document(folder: Path) -> str:
    """Every fixture's markup, trimmed, joined by blank lines."""
    return "\n\n".join(
        path.read_text(encoding="utf-8").strip() for path in sorted(folder.glob("*/*.html"))
    )


def _unit(index: int) -> str:
    """About 1 kB of typical block markup holding 10 blocks, two of them nested two deep."""
    return (
        f'<!-- wp:heading {{"level":2}} -->\n<h2 class="wp-block-heading">Section {index}</h2>\n'
        "<!-- /wp:heading -->\n\n"
        f'<!-- wp:paragraph -->\n<p>Paragraph {index} with <a href="/p/{index}">a link</a> and'
        " <strong>bold</strong> words, long enough to look like real prose.</p>\n"
        "<!-- /wp:paragraph -->\n\n"
        f'<!-- wp:image {{"id":{index},"sizeSlug":"large","linkDestination":"none"}} -->\n'
        f'<figure class="wp-block-image size-large"><img src="/img/{index}.jpg" alt=""'
        f' class="wp-image-{index}"/></figure>\n<!-- /wp:image -->\n\n'
        "<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>first item</li>\n<!-- /wp:list-item -->"
        "\n\n<!-- wp:list-item -->\n<li>second <em>item</em></li>\n<!-- /wp:list-item --></ul>\n"
        "<!-- /wp:list -->\n\n"
        '<!-- wp:columns {"align":"wide"} -->\n<div class="wp-block-columns alignwide">'
        '<!-- wp:column -->\n<div class="wp-block-column"><!-- wp:paragraph -->\n'
        "<p>Left column text.</p>\n<!-- /wp:paragraph --></div>\n<!-- /wp:column -->\n\n"
        '<!-- wp:column -->\n<div class="wp-block-column"><!-- wp:paragraph {"fontSize":"small"}'
        " -->\n<p>Right column text.</p>\n<!-- /wp:paragraph --></div>\n<!-- /wp:column --></div>\n"
        "<!-- /wp:columns -->\n\n"
    )


def generated_document(megabytes: float) -> str:
    """Typical block markup of about `megabytes` MB."""
    parts: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        parts.append(_unit(len(parts)))
        size += len(parts[-1].encode())
    return "".join(parts)


def _best_of(rounds: int, work: Callable[[], object], *, paused: bool = False) -> float:
    """The best of `rounds` runs; with `paused`, the cyclic garbage collector waits meanwhile."""
    best = float("inf")
    for _ in range(rounds):
        gc.collect()
        if paused:
            gc.disable()
        try:
            start = time.perf_counter()
            work()
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
    return best


def _megabytes(text: str) -> float:
    return len(text.encode("utf-8", "surrogatepass")) / 1_000_000


def throughput(title: str, text: str, rounds: int) -> None:
    """Print MB/s for both flavors on `text`."""
    blocks = sum(count_blocks(parse_blocks(text)).values())
    line = f"{title}: {_megabytes(text):.2f} MB, {blocks:,} blocks"
    for flavor in FLAVORS:
        seconds = _best_of(rounds, partial(parse_blocks, text, flavor=flavor))
        line += f"; {flavor} {_megabytes(text) / seconds:.1f} MB/s ({seconds * 1000:.0f} ms)"
    print(line)


def linearity(title: str, make: Callable[[int], str], unit: int, rounds: int) -> None:
    """Print parse times at 1×, 2× and 4× `unit` and the ratio of each to the one before.

    The cyclic garbage collector is paused while timing: it runs when the number of live
    objects crosses thresholds, so with it one size can pay for a full collection that the
    next does not, which hides the parser's own growth (the throughput lines include it).
    """
    print(f"\n{title} (garbage collector paused)")
    print(f"  {'size':>8} {'MB':>8} {'php ms':>9} {'ratio':>6} {'js ms':>9} {'ratio':>6}")
    previous: dict[str, float] = {}
    for factor in (1, 2, 4):
        text = make(unit * factor)
        row = f"  {factor:>7}× {_megabytes(text):8.2f}"
        for flavor in FLAVORS:
            seconds = _best_of(rounds, partial(parse_blocks, text, flavor=flavor), paused=True)
            ratio = f"{seconds / previous[flavor]:6.2f}" if flavor in previous else f"{'-':>6}"
            row += f" {seconds * 1000:9.1f} {ratio}"
            previous[flavor] = seconds
        print(row)


def main() -> None:
    """Run every measure and print the results."""
    parser = argparse.ArgumentParser(description="Benchmark wpparse's block parser.")
    parser.add_argument("fixtures", nargs="?", type=Path, default=DEFAULT_FIXTURES)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if args.fixtures.is_dir():
        throughput("fixtures concatenated", fixtures_document(args.fixtures), args.rounds)
    else:
        print(f"no fixtures at {args.fixtures}: skipped", file=sys.stderr)
    big = generated_document(10)
    throughput("generated post", big, args.rounds)
    blocks = parse_blocks(big)
    seconds = _best_of(args.rounds, partial(serialize_blocks, blocks))
    print(f"serialize_blocks on the generated post: {_megabytes(big) / seconds:.1f} MB/s")

    linearity("generated post", lambda mb: generated_document(mb / 4), 10, args.rounds)
    linearity("<!-- wp:a { + } × n", lambda n: "<!-- wp:a {" + "}" * n, 1_000_000, args.rounds)
    linearity("<!-- wp:a { × n", lambda n: "<!-- wp:a {" * (n // 11), 1_000_000, args.rounds)


if __name__ == "__main__":
    main()
