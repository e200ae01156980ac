"""Opening what a user hands us (a path, a file object, bytes) as one readable stream."""

from __future__ import annotations

import contextlib
import gzip
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TypeAlias, cast

from wpparse._errors import ErrorKind, WPParseError

#: Where posts can be read from: a path (``"-"`` for standard input), or a file object opened in
#: binary or text mode.
Source: TypeAlias = str | os.PathLike[str] | IO[bytes] | IO[str]

_GZIP_MAGIC = b"\x1f\x8b"


@contextlib.contextmanager
def open_source(source: Source) -> Iterator[tuple[IO[bytes] | IO[str], str]]:
    """Open `source` for reading as ``(stream, name)``, closing it afterwards if we opened it.

    Gzip-compressed files (recognised by their first bytes, whatever their name) are
    decompressed on the fly. A file object is read from where it stands and left open.

    Raises:
        WPParseError: the path cannot be opened.

    """
    if isinstance(source, str | os.PathLike):
        name = os.fspath(source)
        if name == "-":
            yield sys.stdin.buffer, "<stdin>"
            return
        try:
            raw = Path(name).open("rb")  # noqa: SIM115 - closed below, when the caller is done
        except OSError as exc:
            message = f"cannot read: {exc.strerror or exc}"
            raise WPParseError(
                message, location=name, whole_input=True, kind=ErrorKind.UNREADABLE
            ) from exc
        with raw:
            if raw.peek(2)[:2] == _GZIP_MAGIC:
                with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
                    yield cast(IO[bytes], unzipped), name
            else:
                yield raw, name
        return
    stream_name: object = getattr(source, "name", None)
    yield source, stream_name if isinstance(stream_name, str) else "<stream>"
