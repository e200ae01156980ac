"""What one fuzz input does to wpparse: free of atheris, so crashes replay as plain tests.

The first byte chooses one of four uses of the rest (see `run_input`); the only exception
allowed out is `wpparse.WPParseError` (and its subclass `WPAPIError`).
"""

from __future__ import annotations

import io
import json
import pickle

import wpparse
from wpparse._normalize.markers import MARKERS
from wpparse._read import StreamItem, iter_json_items
from wpparse._read.lines import decode_batch, iter_batches_or_items

_RENDERED = ("title", "excerpt", "content", "caption", "description", "guid")


def run_input(data: bytes) -> None:
    """Spend `data` on one use, chosen by its first byte.

    0: a JSON document for `wpparse.parse_post`; 1: the rendered HTML (and raw content) of a
    post, every derived value read; 2: a stream for `wpparse.parse_posts`, and cut into
    batches as `wpparse convert` cuts it; 3: block markup for `wpparse.parse_blocks` in
    both flavors, serialized back.

    Raises:
        wpparse.WPParseError: the input is not posts (the one exception expected).

    """
    if not data:
        return
    use, payload = data[0] % 4, data[1:]
    if use == 0:
        read_everything(wpparse.parse_post(payload))
    elif use == 1:
        text = payload.decode("utf-8", errors="replace")
        raw = {
            "id": 1,
            "link": "https://example.org/p/",
            "title": {"rendered": text},
            "excerpt": {"rendered": text},
            "content": {"rendered": text, "raw": text},
        }
        read_everything(wpparse.parse_post(raw))
    elif use == 2:
        for post in wpparse.parse_posts(payload, on_error=lambda error: None):
            read_everything(post)
        check_json_lines_batches(payload)
    else:
        text = payload.decode("utf-8", errors="surrogateescape")  # lone surrogates too
        for flavor in ("php", "js"):
            wpparse.blocks.serialize_blocks(wpparse.parse_blocks(text, flavor=flavor))


def read_everything(post: wpparse.Post) -> None:
    """Ask for every derived value of every rendered field; check the post reads back."""
    for name in _RENDERED:
        rendered = getattr(post, name)
        if rendered is None:
            continue
        values = (rendered.text, rendered.links, rendered.images, rendered.embeds)
        if not isinstance(values[0], str) or not isinstance(rendered.markdown, str):
            raise AssertionError(f"{name}: a derived value is not a string")
        if any(marker in values[0] for marker in MARKERS):
            raise AssertionError(f"{name}: a layout marker leaked into the text")
    if post.content is not None:
        post.content.blocks  # noqa: B018 - parsing them is the test
    written = json.dumps(post.to_dict(), default=repr, sort_keys=True)
    again = wpparse.parse_post(post.to_dict())
    if json.dumps(again.to_dict(), default=repr, sort_keys=True) != written:
        raise AssertionError("to_dict() does not read back as the same post")
    pickle.loads(pickle.dumps(post))


def check_json_lines_batches(data: bytes) -> None:
    """Items read through batches agree with the whole stream's, up to any error.

    Both ways `wpparse convert` may cut a stream: JSON Lines into batches of lines, and, with
    workers, the elements of JSON arrays into batches of their text.
    """
    whole = list(iter_json_items(io.BytesIO(data)))
    batch_bytes = 1 + (data[0] % 64 if data else 0)  # tiny batches: many boundaries
    for batch_arrays in (False, True):
        stream = io.BytesIO(data)
        batched: list[StreamItem] = []
        for piece in iter_batches_or_items(
            stream, batch_bytes=batch_bytes, batch_arrays=batch_arrays
        ):
            batched.extend([piece] if isinstance(piece, StreamItem) else decode_batch(piece))
        _check_agreement(whole, batched)


def _check_agreement(whole: list[StreamItem], batched: list[StreamItem]) -> None:
    broken = [number for number, item in enumerate(whole) if item.error is not None]
    agreed = broken[0] if broken else len(whole)
    if [repr(item.value) for item in batched[:agreed]] != [
        repr(item.value) for item in whole[:agreed]
    ]:
        raise AssertionError("JSON Lines batches and the whole stream read different values")
    if broken and (len(batched) <= agreed or batched[agreed].error is None):
        raise AssertionError("JSON Lines batches missed the stream's first error")
    if not broken and len(batched) != len(whole):
        raise AssertionError("JSON Lines batches read a different number of items")
