"""How fast wpparse turns rendered HTML into text and the other derived values.

Measures, in one run and per document, on the content of every post in the shared corpus and on
a large synthetic post:

- selectolax (Lexbor) parse alone: the floor;
- wpparse ``.text``;
- wpparse ``.text``, ``.links``, ``.images``, ``.embeds`` and ``.headings`` together;
- wpparse ``.markdown``;
- resiliparse ``extract_plain_text`` and BeautifulSoup ``get_text``, the tools a user would
  pick instead (install them with ``pip install -e ".[bench]"``).

It prints µs per document and each time as a ratio to the floor and to resiliparse, then the
ratios the speed targets name, each said met or not. Each
document is timed with every contender in turn (best of ``--rounds``), so the ratios stay
meaningful on a busy machine.

Run: ``python benchmarks/normalize.py [--rounds N] [CORPUS_DIR]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from wpparse import Content

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
BASE_URL = "https://example.org/2026/04/a-post/"


def corpus_documents(corpus: Path) -> list[str]:
    """The rendered content of every post in the corpus."""
    documents = []
    for path in sorted([*corpus.glob("*.json"), *corpus.glob("large/*.json")]):
        value = json.loads(path.read_bytes())
        for item in value if isinstance(value, list) else [value]:
            content = item.get("content") if isinstance(item, dict) else None
            rendered = content.get("rendered") if isinstance(content, dict) else None
            if isinstance(rendered, str) and rendered.strip():
                documents.append(rendered)
    return documents


def synthetic_post(paragraphs: int = 2000) -> str:
    """A large Gutenberg-style post: paragraphs, headings, lists, links, images, a table."""
    parts = []
    for index in range(paragraphs):
        parts.append(
            f'<p>Paragraph {index} with <a href="/p/{index}" rel="nofollow">a link</a>, '
            f"<strong>bold</strong> words, an entity &#8217; and&nbsp;a non-breaking space.</p>"
        )
        if index % 10 == 0:
            parts.append(f'<h2 class="wp-block-heading" id="h-{index}">Heading {index}</h2>')
            parts.append("<ul><li>first item</li><li>second <em>item</em></li></ul>")
            parts.append(
                f'<figure class="wp-block-image"><img src="/img/{index}.jpg" alt="An image"'
                f' srcset="/img/{index}-300.jpg 300w, /img/{index}.jpg 1024w"/>'
                "<figcaption>A caption</figcaption></figure>"
            )
        if index % 100 == 0:
            parts.append("<table><tr><td>2021</td><td>$120,000</td></tr></table>")
    return "\n\n".join(parts)


def _wpparse_text(html: str) -> object:
    return Content(html=html, base_url=BASE_URL).text


def _wpparse_all(html: str) -> object:
    content = Content(html=html, base_url=BASE_URL)
    return content.text, content.links, content.images, content.embeds, content.headings


def _wpparse_markdown(html: str) -> object:
    return Content(html=html, base_url=BASE_URL).markdown


def _peers() -> Iterator[tuple[str, Callable[[str], Any]]]:
    try:
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.html import HTMLTree
    except ImportError:
        print("resiliparse not installed: pip install -e '.[bench]'", file=sys.stderr)
    else:
        yield (
            "resiliparse extract_plain_text",
            lambda html: extract_plain_text(HTMLTree.parse(html)),
        )
    try:
        from bs4 import BeautifulSoup
    except ImportError:
        print("beautifulsoup4 not installed: pip install -e '.[bench]'", file=sys.stderr)
        return
    # The standard library's parser, as most tutorials use it, and lxml, the fastest one.
    yield (
        "BeautifulSoup (html.parser) get_text",
        lambda html: BeautifulSoup(html, "html.parser").get_text(),
    )
    try:
        import lxml  # noqa: F401 - only to know whether BeautifulSoup can use it
    except ImportError:
        print("lxml not installed: pip install -e '.[bench]'", file=sys.stderr)
    else:
        yield "BeautifulSoup (lxml) get_text", lambda html: BeautifulSoup(html, "lxml").get_text()


def _interleaved(
    contenders: list[tuple[str, Callable[[str], object]]], documents: list[str], rounds: int
) -> dict[str, float]:
    """Mean time per document in µs for each contender.

    Each document is timed with every contender in turn, best of `rounds`, before moving on,
    so that a burst of noise on a shared machine hits all contenders alike and the ratios
    between them hold even when absolute times wander.
    """
    totals = dict.fromkeys((name for name, _ in contenders), 0.0)
    for html in documents:
        for name, work in contenders:
            best = float("inf")
            for _ in range(rounds):
                start = time.perf_counter()
                work(html)
                best = min(best, time.perf_counter() - start)
            totals[name] += best
    return {name: total / len(documents) * 1e6 for name, total in totals.items()}


def report(title: str, documents: list[str], rounds: int) -> dict[str, float]:
    """Time every contender on `documents` and print the table."""
    size = sum(map(len, documents)) / len(documents)
    print(f"\n{title}: {len(documents)} documents, {size / 1000:.1f} kB each on average")
    contenders: list[tuple[str, Callable[[str], object]]] = [
        ("selectolax parse (floor)", lambda html: LexborHTMLParser(html, is_fragment=True)),
        ("wpparse .text", _wpparse_text),
        ("wpparse text+links+images+embeds+headings", _wpparse_all),
        ("wpparse .markdown", _wpparse_markdown),
        *_peers(),
    ]
    times = _interleaved(contenders, documents, rounds)
    floor = times["selectolax parse (floor)"]
    peer = times.get("resiliparse extract_plain_text")
    print(f"{'':44} {'µs/doc':>10} {'× parse':>8} {'× resiliparse':>14}")
    for name, micros in times.items():
        versus_peer = f"{micros / peer:14.2f}" if peer else f"{'-':>14}"
        print(f"{name:44} {micros:10.1f} {micros / floor:8.2f} {versus_peer}")
    return times


def documents_and_rounds(description: str, rounds: int) -> tuple[list[str], int]:
    """The corpus's documents and ``--rounds``, from the command line of a benchmark.

    It takes the corpus folder as an optional argument (`DEFAULT_CORPUS` by default) and
    ``--rounds`` (default `rounds`); it stops when the folder holds no document.
    """
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rounds", type=int, default=rounds)
    args = parser.parse_args()
    documents = corpus_documents(args.corpus)
    if not documents:
        sys.exit(f"no corpus at {args.corpus}: give its folder as an argument")
    return documents, args.rounds


def main() -> None:
    """Run the benchmark on the corpus and on the synthetic post."""
    documents, rounds = documents_and_rounds("Benchmark wpparse's normalizer.", 5)
    corpus = report("corpus content", documents, rounds)
    big = synthetic_post()
    synthetic = report("synthetic post", [big], rounds)
    print()
    for title, times in (("corpus", corpus), ("synthetic", synthetic)):
        text = times["wpparse .text"]
        everything = times["wpparse text+links+images+embeds+headings"]
        line = f"{title}: all derived values = {everything / text:.2f}× .text"
        line += f"; .markdown = {times['wpparse .markdown'] / text:.2f}× .text"
        if "resiliparse extract_plain_text" in times:
            line += f"; .text = {text / times['resiliparse extract_plain_text']:.2f}× resiliparse"
        for name, micros in times.items():
            if name.startswith("BeautifulSoup"):
                soup_parser = name.split("(")[1].split(")")[0]
                line += f"; BeautifulSoup {soup_parser} = {micros / text:.1f}× .text"
        print(line)
        for target in _targets(times):
            print(f"  target {target}")


# The speed targets: (what is timed, what it is compared with, the largest ratio allowed).
TARGETS = (
    ("wpparse .text", "resiliparse extract_plain_text", 1.8),
    ("wpparse text+links+images+embeds+headings", "wpparse .text", 1.5),
    ("wpparse .markdown", "wpparse .text", 2.0),
)


def _targets(times: dict[str, float]) -> Iterator[str]:
    for timed, compared, largest in TARGETS:
        if timed in times and compared in times:
            ratio = times[timed] / times[compared]
            verdict = "met" if ratio <= largest else "NOT met"
            yield f"{timed} ≤ {largest}× {compared}: {verdict} ({ratio:.2f}×)"


if __name__ == "__main__":
    main()
