"""Each model's fields, declared once: reading a JSON object and writing it back both come from it.

A `Field` says which attribute holds which JSON key, how the key's value is read (one of the
readers of `wpparse._structure.fields`, or the model's own code) and how the attribute is
written back. A `FieldTable` of them reads an object's fields, knows which keys are the
model's (the rest are kept in ``extra``) and writes a model back as WordPress writes it, in
the table's order, which is WordPress's.

Reading is the hot path of `wpparse.parse_post`, so a value that already has the type its
reader returns unchanged costs a dictionary lookup and a type test: the reader is not called,
and no JSON path is built. A path is built only when a reader is, to convert a value or report
it. (A function generated for each table, as cattrs generates its structuring functions, would
also save the loop's own work: measured on the corpus, that is under 0.1 µs a field, so the
table stays a plain loop that a debugger can step through.)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar, cast

import attrs

from wpparse._structure.fields import (
    MISSING,
    Reader,
    read_bool,
    read_id,
    read_int,
    read_int_list,
    read_object,
    read_stored_int,
    read_str,
    read_str_list,
)
from wpparse._structure.kept import within_limit
from wpparse._structure.problems import ProblemLog, child_path

Writer = Callable[[Any], Any]
T = TypeVar("T")


@attrs.frozen
class Field:
    """One field of a model.

    Attributes:
        name: The model's attribute.
        reader: How the JSON value is read; None when the model's own code reads it (a date
            and its GMT twin, a rendered field that needs the post's link).
        key: The JSON key ("" for `name`).
        write: How the attribute is written back to JSON (None: as it is). A None attribute, or
            one `write` makes None, is left out.
        merge: The written value is a mapping merged into the object (``extra``, the term
            lists of a post), not the value of `key`.

    """

    name: str
    reader: Reader[Any] | None = None
    key: str = ""
    write: Writer | None = None
    merge: bool = False

    @property
    def json_key(self) -> str:
        """The JSON key this field reads and writes."""
        return self.key or self.name


# Values taken as they are when they have exactly this type (bool is not int), and what each
# reader makes of them then: nothing (None), or a conversion that returns MISSING when the
# value needs the reader after all.
def _nonzero(value: int) -> Any:
    return value or None


def _int_tuple(items: list[Any]) -> Any:
    """`items` as a tuple if each is an int (bool is not), else MISSING."""
    for item in items:
        if type(item) is not int:
            return MISSING
    return tuple(items)


def _str_tuple(items: list[Any]) -> Any:
    """`items` as a tuple if each is a str, else MISSING."""
    for item in items:
        if type(item) is not str:
            return MISSING
    return tuple(items)


_AS_IS: dict[Callable[..., Any], tuple[type, Callable[[Any], Any] | None]] = {
    read_int: (int, None),
    read_stored_int: (int, None),
    read_str: (str, None),
    read_bool: (bool, None),
    read_object: (dict, None),
    read_id: (int, _nonzero),
    read_int_list: (list, _int_tuple),
    read_str_list: (list, _str_tuple),
}

_Step = tuple[str, str, type | None, Callable[[Any], Any] | None, Reader[Any], str]


class FieldTable:
    """The fields of one model: reads them from a JSON object and writes them back."""

    __slots__ = ("_steps", "_writes", "fields", "keys")

    def __init__(self, *fields: Field) -> None:
        self.fields = fields
        #: Every JSON key the model reads itself: what is left goes to ``extra``.
        self.keys = frozenset(field.json_key for field in fields if not field.merge)
        steps: list[_Step] = []
        for field in fields:
            if field.reader is None:
                continue
            accepted, convert = _AS_IS.get(field.reader, (None, None))
            key = field.json_key
            steps.append((key, field.name, accepted, convert, field.reader, child_path("", key)))
        self._steps = tuple(steps)
        self._writes = tuple(
            (field.name, field.json_key, field.write, field.merge) for field in fields
        )

    def read(self, obj: Mapping[str, Any], path: str, log: ProblemLog) -> dict[str, Any]:
        """The values of the fields that have a reader, by attribute.

        Absent keys, and values read as None (null, or what could not be read), are left out,
        so the model's default stands: None, or an empty mapping or tuple.
        """
        values: dict[str, Any] = {}
        get = obj.get
        # `read_value`, inlined: this loop runs for every field of every object read.
        for key, name, accepted, convert, reader, suffix in self._steps:
            value = get(key, MISSING)
            if value is MISSING:
                continue
            if type(value) is accepted:
                if convert is None:
                    values[name] = value
                    continue
                converted = convert(value)
                if converted is not MISSING:
                    if converted is not None:
                        values[name] = converted
                    continue
            result = reader(value, path + suffix, log)
            if result is not None:
                values[name] = result
        return values

    def unread(
        self,
        obj: Mapping[str, Any],
        path: str,
        log: ProblemLog,
        also: frozenset[str] | set[str] = frozenset(),
    ) -> dict[str, Any]:
        """The keys of `obj` that are not the model's (nor in `also`), held to the nesting limit.

        In input order: they become ``extra``, so nothing in the input is dropped.
        """
        keys = self.keys
        unread = {key: value for key, value in obj.items() if key not in keys and key not in also}
        for key, value in unread.items():
            if type(value) is dict or type(value) is list:
                unread[key] = within_limit(value, path, log, key)
        return unread

    def write(self, model: Any) -> dict[str, Any]:
        """`model`'s fields as JSON, in the table's order; None values left out."""
        out: dict[str, Any] = {}
        for name, key, write, merge in self._writes:
            value = getattr(model, name)
            if value is None:
                continue
            if write is not None:
                value = write(value)
                if value is None:  # nothing to write (an empty map WordPress leaves out)
                    continue
            if merge:
                out.update(value)
            else:
                out[key] = value
        return out


def read_value(value: Any, reader: Reader[T], path: str, suffix: str, log: ProblemLog) -> T | None:
    """`value` read with `reader` as a table reads it.

    Taken as it is when it has the type the reader returns unchanged; else read at `path` +
    `suffix`, the path built only then.
    """
    accepted, convert = _AS_IS.get(reader, (None, None))
    if type(value) is accepted:
        if convert is None:
            return cast(T, value)
        converted = convert(value)
        if converted is not MISSING:
            return cast(T, converted)
    return reader(value, path + suffix, log)


def to_list(values: tuple[Any, ...]) -> list[Any]:
    """A tuple written back as the JSON array it was read from."""
    return list(values)


def to_dict(value: Any) -> dict[str, Any]:
    """A nested model written back as its JSON object (its ``to_dict()``)."""
    result: dict[str, Any] = value.to_dict()
    return result


def to_list_map(lists: Mapping[str, tuple[Any, ...]]) -> dict[str, list[Any]]:
    """A mapping of tuples written back as the JSON object of arrays it was read from."""
    return {key: list(values) for key, values in lists.items()}
