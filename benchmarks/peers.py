"""How fast wpparse reads posts, next to the tools a user would reach for instead.

Measures, in one run and per post, on two sets of JSON bytes:

- the shared corpus: every post object (posts, pages, custom post types, attachments, search
  results), each serialized back on its own with ``json.dumps`` (which escapes non-ASCII text as
  WordPress does);
- a synthetic JSON Lines set of ``--posts`` posts, one post per line, made in memory by cycling
  the corpus posts with new ids, so that the shapes and sizes are real ones.

On each set it times:

1. metadata only, from JSON bytes: ``wpparse.parse_post`` with no derived value touched, a
   pydantic v2 model of the post's fields (``model_validate_json``), a pydantic model that
   types what wpparse types (links, embedded authors, media and terms, rendered fields,
   attachments), and a ``msgspec.Struct`` (a typed ``msgspec.json.Decoder``). Target: wpparse
   no slower than the pydantic model that types as much.
2. full normalization into flat records: ``wpparse.to_record(wpparse.parse_post(raw))`` against
   what a user would write by hand, ``json.loads`` and ``BeautifulSoup(html, "lxml").get_text()``
   for the title, excerpt and content. Target: wpparse at least 20× faster. BeautifulSoup is
   slow, so on the synthetic set both are timed on its first 2,000 posts only (and wpparse
   alone on all of them).
3. JSON decoding alone: ``json.loads`` against ``orjson.loads``.

It prints µs per post and each time as a ratio to wpparse (to ``json.loads`` for decoding), and
whether the targets are met. Posts are timed in batches of 100: each contender in turn runs a
batch ``--rounds`` times and keeps its best time, before the next batch, so that a burst of
noise on a shared machine hits all contenders alike and the ratios hold even when absolute times
wander. Posts that pydantic or msgspec reject are counted, shown and left out of that section
for every contender.

The peers come with the bench extra (``pip install -e ".[bench]"``); a missing one is skipped
with a message. The default set of 50,000 synthetic posts and 3 rounds (instead of 100,000 and
5) keeps the whole run under about three minutes on a 2-core machine.

Run: ``python benchmarks/peers.py [--rounds N] [--posts N] [CORPUS_DIR]`` (default corpus:
../shared/corpus beside the repository).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from types import GenericAlias
from typing import Any

import wpparse

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
BATCH = 100
SOUP_SAMPLE = 2000
FIRST_SYNTHETIC_ID = 10_000_000
INSTALL = 'pip install -e ".[bench]"'
# The record fields the hand-written peer copies as they come (those before the text ones, which
# it computes).
COPIED_FIELDS = wpparse.RECORD_COLUMNS[: wpparse.RECORD_COLUMNS.index("title_text")]

WPPARSE_PARSE = "wpparse parse_post"
PYDANTIC = "pydantic model_validate_json"
FAIR_PYDANTIC = "pydantic, typed as wpparse types"
MSGSPEC = "msgspec Decoder(type=Post).decode"
WPPARSE_RECORD = "wpparse to_record(parse_post)"
SOUP = "json.loads + BeautifulSoup(lxml)"
JSON_LOADS = "json.loads"
ORJSON = "orjson.loads"

Work = Callable[[bytes], object]
Contender = tuple[str, Work]


def corpus_objects(corpus: Path) -> list[dict[str, Any]]:
    """Every post object of the corpus (error responses, in errors/, are left out)."""
    objects = []
    for path in sorted([*corpus.glob("*.json"), *corpus.glob("large/*.json")]):
        value = json.loads(path.read_bytes())
        objects.extend(value if isinstance(value, list) else [value])
    return [item for item in objects if isinstance(item, dict)]


def synthetic_lines(objects: Sequence[dict[str, Any]], count: int) -> list[bytes]:
    """`count` JSON Lines, each a corpus post in turn with a new id."""
    return [
        json.dumps({**objects[index % len(objects)], "id": FIRST_SYNTHETIC_ID + index}).encode()
        for index in range(count)
    ]


def _skip(package: str, contender: str) -> None:
    print(f"{package} not installed, {contender} skipped: {INSTALL}", file=sys.stderr)


def _post_fields(rendered: Any) -> dict[str, Any]:
    """The fields of a WordPress post and their types, for both peer models.

    `rendered` is the model of a ``{rendered, protected, raw}`` object. Every field is made
    optional by the builders, since the REST API leaves many out (``?_fields=``, the embed
    context, old API versions). A search result's title is a plain string, and PHP sends an
    empty ``meta`` as ``[]``, so those two take a second type. ``_links`` is added by each
    builder, as Python names cannot start with an underscore there.
    """
    return {
        "id": int,
        "date": datetime,
        "date_gmt": datetime,
        "modified": datetime,
        "modified_gmt": datetime,
        "guid": rendered,
        "title": rendered | str,
        "content": rendered,
        "excerpt": rendered,
        "slug": str,
        "status": str,
        "type": str,
        "link": str,
        "author": int,
        "featured_media": int,
        "comment_status": str,
        "ping_status": str,
        "sticky": bool,
        "template": str,
        "format": str,
        "meta": dict[str, Any] | list[Any],
        "categories": list[int],
        "tags": list[int],
    }


RENDERED_FIELDS: dict[str, Any] = {"rendered": str, "protected": bool, "raw": str}


def _optional(fields: dict[str, Any]) -> dict[str, Any]:
    """Pydantic field definitions: each type or None, None by default."""
    return {name: (kind | None, None) for name, kind in fields.items()}


def pydantic_contender() -> Contender | None:
    """A pydantic v2 model of a post, unknown fields kept (``extra="allow"``), as wpparse does."""
    try:
        from pydantic import ConfigDict, Field, create_model
    except ImportError:
        _skip("pydantic", PYDANTIC)
        return None
    rendered = create_model("Rendered", **_optional(RENDERED_FIELDS))
    post = create_model(
        "Post",
        __config__=ConfigDict(extra="allow"),
        links=(dict[str, Any] | None, Field(None, alias="_links")),
        **_optional(_post_fields(rendered)),
    )
    return PYDANTIC, post.model_validate_json


def fair_pydantic_contender() -> Contender | None:
    """A pydantic v2 model that types what wpparse types, so the comparison is like for like.

    The model above leaves ``_links`` and ``_embedded`` untyped; this one reads them as
    wpparse does: ``_links`` entries as link models, ``_embedded`` authors, media and terms as
    models, rendered fields as models, dates as datetimes, the attachment fields and
    ``media_details`` with its sizes. Unknown fields are kept everywhere (``extra="allow"``).
    """
    try:
        from pydantic import ConfigDict, Field, create_model
    except ImportError:
        _skip("pydantic", FAIR_PYDANTIC)
        return None
    # Built with create_model throughout, so the module type-checks without pydantic too.
    config = ConfigDict(extra="allow", populate_by_name=True)

    def model(title: str, base: Any = None, /, **fields: Any) -> Any:
        if base is not None:
            return create_model(title, __base__=base, **fields)
        return create_model(title, __config__=config, **fields)

    def optional(**kinds: Any) -> dict[str, Any]:
        return {name: (kind | None, None) for name, kind in kinds.items()}

    def list_of(kind: Any) -> Any:
        return GenericAlias(list, (kind,))

    def map_of(kind: Any) -> Any:
        return GenericAlias(dict, (str, kind))

    rendered = model("Rendered", **optional(rendered=str, protected=bool, raw=str))
    link = model(
        "Link",
        href=(str, ...),
        embeddable=(bool, False),
        templated=(bool, False),
        **optional(name=str, taxonomy=str, count=int, id=int),
        target_hints=(dict[str, list[str]] | None, Field(None, alias="targetHints")),
    )
    links = (map_of(list_of(link)) | None, Field(None, alias="_links"))
    user = model(
        "User",
        **optional(id=int, name=str, url=str, description=str, link=str, slug=str),
        avatar_urls=(dict[str, str] | list[Any] | None, None),
        links=links,
    )
    term = model(
        "Term", **optional(id=int, link=str, name=str, slug=str, taxonomy=str), links=links
    )
    size = model(
        "Size",
        **optional(file=str, width=int, height=int, mime_type=str, source_url=str, filesize=int),
    )
    media_details = model(
        "MediaDetails",
        **optional(width=int, height=int, file=str, filesize=int),
        sizes=(map_of(size) | list[Any] | None, None),
        image_meta=(dict[str, Any] | list[Any] | None, None),
    )
    fields = _optional(_post_fields(rendered))
    fields.update(
        optional(
            class_list=list[str],
            parent=int,
            menu_order=int,
            alt_text=str,
            caption=rendered,
            description=rendered,
            media_type=str,
            mime_type=str,
            media_details=media_details | list[Any],
            post=int,
            source_url=str,
        )
    )
    post = model("Post", links=links, **fields)
    embedded = model(
        "Embedded",
        author=(list_of(user) | None, None),
        featuredmedia=(list_of(post) | None, Field(None, alias="wp:featuredmedia")),
        term=(list_of(list_of(term)) | None, Field(None, alias="wp:term")),
    )
    full = model("FullPost", post, embedded=(embedded | None, Field(None, alias="_embedded")))
    return FAIR_PYDANTIC, full.model_validate_json


def msgspec_contender() -> Contender | None:
    """A msgspec Struct of a post; msgspec has no place for unknown fields, so it skips them."""
    try:
        import msgspec
    except ImportError:
        _skip("msgspec", MSGSPEC)
        return None
    rendered = msgspec.defstruct(
        "Rendered", [(name, kind | None, None) for name, kind in RENDERED_FIELDS.items()]
    )
    post = msgspec.defstruct(
        "Post",
        [
            *((name, kind | None, None) for name, kind in _post_fields(rendered).items()),
            ("links", dict[str, Any] | None, msgspec.field(default=None, name="_links")),
        ],
    )
    return MSGSPEC, msgspec.json.Decoder(type=post).decode


def _wpparse_record(raw: bytes) -> dict[str, Any]:
    return wpparse.to_record(wpparse.parse_post(raw))


def soup_contender() -> Contender | None:
    """The record a user would build by hand: json.loads, then BeautifulSoup for the text."""
    try:
        from bs4 import BeautifulSoup
    except ImportError:
        _skip("beautifulsoup4", SOUP)
        return None
    try:
        import lxml  # noqa: F401 - only to know whether BeautifulSoup can use it
    except ImportError:
        _skip("lxml", SOUP)
        return None

    def text(value: object) -> str | None:
        html = value.get("rendered") if isinstance(value, dict) else value
        return BeautifulSoup(html, "lxml").get_text() if isinstance(html, str) else None

    def record(raw: bytes) -> dict[str, Any]:
        post = json.loads(raw)
        content = text(post.get("content"))
        return {
            **{key: post.get(key) for key in COPIED_FIELDS},
            "title_text": text(post.get("title")),
            "excerpt_text": text(post.get("excerpt")),
            "content_text": content,
            "word_count": None if content is None else len(content.split()),
            "author": post.get("author"),
            "categories": post.get("categories") or [],
            "tags": post.get("tags") or [],
            "featured_media": post.get("featured_media"),
        }

    return SOUP, record


def orjson_contender() -> Contender | None:
    """The orjson decoder, the fastest JSON decoder for Python."""
    try:
        import orjson
    except ImportError:
        _skip("orjson", ORJSON)
        return None
    return ORJSON, orjson.loads


def _interleaved(
    contenders: Sequence[Contender], posts: Sequence[bytes], rounds: int
) -> dict[str, float]:
    """Mean time per post in µs for each contender.

    Each batch of posts is timed with every contender in turn, best of `rounds`, before moving
    on to the next batch.
    """
    totals = dict.fromkeys((name for name, _ in contenders), 0.0)
    for start in range(0, len(posts), BATCH):
        batch = posts[start : start + BATCH]
        for name, work in contenders:
            best = float("inf")
            for _ in range(rounds):
                begin = time.perf_counter()
                for raw in batch:
                    work(raw)
                best = min(best, time.perf_counter() - begin)
            totals[name] += best
    return {name: total / len(posts) * 1e6 for name, total in totals.items()}


def _accepted(contenders: Sequence[Contender], posts: Sequence[bytes]) -> list[bytes]:
    """The posts every contender reads without an error; prints how many each rejects, and why."""
    rejected: set[int] = set()
    for name, work in contenders:
        reasons: dict[str, int] = {}
        for index, raw in enumerate(posts):
            try:
                work(raw)
            except Exception as error:  # each peer raises its own kind of error
                rejected.add(index)
                reason = f"{type(error).__name__}: {str(error).splitlines()[0][:160]}"
                reasons[reason] = reasons.get(reason, 0) + 1
        if reasons:
            print(f"  {name} rejects {sum(reasons.values())} of {len(posts)} posts:")
            for reason, count in sorted(reasons.items(), key=lambda item: -item[1])[:5]:
                print(f"    {count:6}  {reason}")
    if rejected:
        print(f"  timed on the {len(posts) - len(rejected)} posts that every contender reads")
    else:
        print(f"  every contender reads all {len(posts)} posts without error")
    return [raw for index, raw in enumerate(posts) if index not in rejected]


def _table(times: dict[str, float], label: str) -> None:
    """Print each time per post and its ratio to the first one's (`label`)."""
    reference = next(iter(times.values()))
    print(f"  {'':42} {'µs/post':>10} {'× ' + label:>14}")
    for name, micros in times.items():
        print(f"  {name:42} {micros:10.1f} {micros / reference:14.2f}")


def _describe(posts: Sequence[bytes]) -> str:
    size = sum(map(len, posts)) / len(posts)
    return f"{len(posts)} posts, {size / 1000:.1f} kB each on average"


def metadata(posts: Sequence[bytes], peers: Sequence[Contender], rounds: int) -> None:
    """Section 1: JSON bytes into a typed model, no HTML parsed."""
    contenders = [(WPPARSE_PARSE, wpparse.parse_post), *peers]
    print(f"1. metadata only, JSON bytes to a typed model ({_describe(posts)})")
    accepted = _accepted(contenders, posts)
    times = _interleaved(contenders, accepted, rounds)
    _table(times, "wpparse")
    if FAIR_PYDANTIC not in times:
        print("  target 'wpparse no slower than pydantic': not checked, pydantic not installed")
        return
    ratio = times[WPPARSE_PARSE] / times[FAIR_PYDANTIC]
    verdict = "met" if ratio <= 1 else "NOT met"
    print(
        f"  target 'wpparse no slower than the pydantic model that types as much': {verdict}"
        f" (wpparse = {ratio:.2f}× it; {times[WPPARSE_PARSE] / times[PYDANTIC]:.2f}× the model"
        " that leaves _links and _embedded untyped)"
    )


def records(
    posts: Sequence[bytes], soup: Contender | None, rounds: int, sample: int | None = None
) -> None:
    """Section 2: JSON bytes into a flat record with plain text, against BeautifulSoup.

    With `sample`, wpparse is timed alone on all `posts` first, then both on the first `sample`.
    """
    print(f"2. full normalization into records ({_describe(posts)})")
    wpparse_only: list[Contender] = [(WPPARSE_RECORD, _wpparse_record)]
    sampled = sample is not None and sample < len(posts)
    if soup is None or sampled:
        alone = _interleaved(wpparse_only, posts, rounds)
        name = f"{WPPARSE_RECORD}, all posts" if sampled else WPPARSE_RECORD
        _table({name: alone[WPPARSE_RECORD]}, "wpparse")
    if soup is None:
        print("  target 'wpparse 20× faster than BeautifulSoup': not checked, peer not installed")
        return
    if sampled:
        posts = posts[:sample]
        print(f"  BeautifulSoup is slow, so both are timed on the first {len(posts)} posts:")
    times = _interleaved([*wpparse_only, soup], posts, rounds)
    _table(times, "wpparse")
    speedup = times[SOUP] / times[WPPARSE_RECORD]
    verdict = "met" if speedup >= 20 else "NOT met"
    print(f"  target 'wpparse 20× faster than BeautifulSoup': {verdict} ({speedup:.1f}× faster)")


def decoding(posts: Sequence[bytes], orjson: Contender | None, rounds: int) -> None:
    """Section 3: JSON decoding alone."""
    print(f"3. JSON decoding alone ({_describe(posts)})")
    contenders: list[Contender] = [(JSON_LOADS, json.loads)]
    if orjson is not None:
        contenders.append(orjson)
    times = _interleaved(contenders, posts, rounds)
    _table(times, "json.loads")
    if ORJSON in times:
        print(f"  orjson.loads is {times[JSON_LOADS] / times[ORJSON]:.1f}× faster than json.loads")


def main() -> None:
    """Run the three comparisons on the corpus, then on the synthetic set."""
    parser = argparse.ArgumentParser(description="Benchmark wpparse against pydantic and others.")
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rounds", type=int, default=3, help="best of N (default 3)")
    parser.add_argument("--posts", type=int, default=50_000, help="synthetic posts (50,000)")
    args = parser.parse_args()
    if args.rounds < 1 or args.posts < 1:
        parser.error("--rounds and --posts must be at least 1")
    objects = corpus_objects(args.corpus)
    if not objects:
        sys.exit(f"no corpus at {args.corpus}")
    contenders = (pydantic_contender(), fair_pydantic_contender(), msgspec_contender())
    peers = [peer for peer in contenders if peer is not None]
    soup, orjson = soup_contender(), orjson_contender()
    print(f"best of {args.rounds} rounds, batches of {BATCH} posts")

    corpus = [json.dumps(item).encode() for item in objects]
    print(f"\n=== corpus {args.corpus}: {len(corpus)} post objects")
    metadata(corpus, peers, args.rounds)
    records(corpus, soup, args.rounds)
    decoding(corpus, orjson, args.rounds)

    lines = synthetic_lines(objects, args.posts)
    print(f"\n=== synthetic JSON Lines: {len(lines)} posts, the corpus posts in turn with new ids")
    metadata(lines, peers, args.rounds)
    records(lines, soup, args.rounds, sample=SOUP_SAMPLE)
    decoding(lines, orjson, args.rounds)


if __name__ == "__main__":
    main()
