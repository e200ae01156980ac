"""The work ``wpparse convert`` hands to each process: a chunk of items into encoded records."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

from wpparse.errors import WPParseError
from wpparse.output.inputs import Unit
from wpparse.output.records import to_record
from wpparse.output.writers import encode_record
from wpparse.parse import item_location, post_from_item

#: What becomes of a unit: its record, encoded, or why it has none.
Outcome: TypeAlias = str | WPParseError


def convert_units(units: Sequence[Unit], *, fmt: str, strict: bool) -> list[Outcome]:
    """Each unit's record encoded as `fmt`, or its error, in order.

    With `strict`, the chunk ends at the first error that is not a whole input's (the command
    stops there).
    """
    outcomes: list[Outcome] = []
    for unit in units:
        if isinstance(unit.item, WPParseError):
            outcomes.append(unit.item)
            continue
        location = item_location(unit.name, unit.item)
        try:
            post = post_from_item(unit.item, location, strict=strict, only_value=unit.only_value)
        except WPParseError as error:
            outcomes.append(error)
            if strict and not error.whole_input:
                break
        else:
            outcomes.append(encode_record(to_record(post), fmt))
    return outcomes
