"""The work ``wpparse convert`` hands to each process: a chunk of items into encoded records."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, TypeAlias

from wpparse._errors import WPParseError
from wpparse._parse import item_location, post_from_item
from wpparse._read import StreamItem
from wpparse._read.lines import ElementBatch, LineBatch, decode_batch
from wpparse.output._inputs import Unit
from wpparse.output._records import to_record
from wpparse.output._writers import encode_record

#: What becomes of a unit: its record, encoded, or why it has none.
Outcome: TypeAlias = str | dict[str, Any] | WPParseError


def convert_units(units: Sequence[Unit], *, fmt: str, strict: bool) -> list[Outcome]:
    """Each unit's record encoded as `fmt`, or its error, in order.

    With `strict`, the chunk ends at the first error that is not a whole input's (the command
    stops there).
    """
    outcomes: list[Outcome] = []
    for name, item, only_value in _items(units):
        if isinstance(item, WPParseError):
            outcomes.append(item)
            continue
        location = item_location(name, item)
        try:
            post = post_from_item(item, location, strict=strict, only_value=only_value)
        except WPParseError as error:
            outcomes.append(error)
            if strict and not error.whole_input:
                break
        else:
            outcomes.append(encode_record(to_record(post, source=name or None), fmt))
    return outcomes


def _items(units: Sequence[Unit]) -> Iterator[tuple[str, StreamItem | WPParseError, bool]]:
    """Every item of the units, with its input's name and whether it is the input's only value.

    Batches of JSON Lines and of array elements are decoded here, in the worker process.
    """
    for unit in units:
        if isinstance(unit.item, ElementBatch):  # array elements: never an input's only value
            yield from ((unit.name, item, False) for item in decode_batch(unit.item))
            continue
        if not isinstance(unit.item, LineBatch):
            yield unit.name, unit.item, unit.only_value
            continue
        items = decode_batch(unit.item)
        first = next(items, None)
        if first is None:
            continue
        following = next(items, None)
        yield unit.name, first, unit.item.whole_stream and following is None
        if following is not None:
            yield unit.name, following, False
        for item in items:
            yield unit.name, item, False
