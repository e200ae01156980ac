"""The inputs of ``wpparse convert``: folders expanded, and every item read in order.

JSON Lines input is cut into batches of raw lines here and decoded by the workers; other input
(JSON arrays, pretty-printed objects) is decoded here and its items go to the workers, or, when
there are workers, the elements of its arrays go to them as batches of text.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from wpparse._errors import ErrorKind, WPParseError
from wpparse._read import StreamItem, open_source
from wpparse._read.lines import ElementBatch, LineBatch, iter_batches_or_items

#: The files a folder given as input contributes.
SUFFIXES = (".json", ".jsonl", ".json.gz", ".jsonl.gz")


@attrs.frozen
class Unit:
    """One piece of work: an item of an input, or why an input could not be read (further).

    Attributes:
        name: The input's name (its path, or ``<stdin>``).
        item: The item as the stream reader yielded it, a batch of JSON Lines or of array
            elements to decode, or the error.
        only_value: The item is its input's only value (so, if it is not a post, the input as a
            whole is not posts). A batch says so itself (``whole_stream``).

    """

    name: str
    item: StreamItem | LineBatch | ElementBatch | WPParseError
    only_value: bool = False


def iter_units(
    inputs: Iterable[str], *, exclude: Path | None = None, batch_arrays: bool = False
) -> Iterator[Unit]:
    """Every item of every input, in order; a folder's files are read in sorted order.

    Args:
        inputs: Paths of files or folders, or ``-`` for standard input.
        exclude: A file to leave out of folders (the output, which may be inside one).
        batch_arrays: Hand on the elements of JSON arrays as batches of text (for workers).

    """
    for given in inputs:
        if given != "-" and Path(given).is_dir():
            files = folder_files(Path(given), exclude)
            if not files:
                message = f"no {', '.join(SUFFIXES)} file in this folder"
                error = WPParseError(
                    message, location=given, whole_input=True, kind=ErrorKind.UNREADABLE
                )
                yield Unit(given, error)
            for path in files:
                yield from _read(path, batch_arrays)
        else:
            yield from _read(given, batch_arrays)


def folder_files(folder: Path, exclude: Path | None = None) -> list[str]:
    """The JSON and JSON Lines files (``.gz`` too) in `folder` and below, sorted."""
    return sorted(
        str(path)
        for path in folder.rglob("*")
        if path.name.endswith(SUFFIXES)
        and path.is_file()
        and (exclude is None or path.resolve() != exclude)
    )


def _read(path: str, batch_arrays: bool) -> Iterator[Unit]:
    try:
        with open_source(path) as (stream, name):
            items = iter_batches_or_items(stream, batch_arrays=batch_arrays)
            first = next(items, None)
            if first is None:
                return
            if isinstance(first, LineBatch | ElementBatch):
                yield Unit(name, first)
                yield from (Unit(name, item) for item in items)
                return
            # One value read ahead: a lone value that is not a post means the input is not posts.
            following = None if first.in_array else next(items, None)
            yield Unit(name, first, only_value=not first.in_array and following is None)
            if following is not None:
                yield Unit(name, following)
            for item in items:
                yield Unit(name, item)
    except WPParseError as error:  # the file cannot be opened
        yield Unit(path, error)
    except (OSError, EOFError, zlib.error) as exc:  # damaged gzip data, a failing disk
        unreadable = WPParseError(
            f"cannot read: {exc}", location=path, whole_input=True, kind=ErrorKind.UNREADABLE
        )
        yield Unit(path, unreadable)
