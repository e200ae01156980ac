"""Stage 1, read: bytes, text and files become JSON values.

Nothing here knows what a post is; later stages import this one, never the reverse.
"""

from wpparse._read.decode import decode_json, decode_text
from wpparse._read.source import Source, open_source
from wpparse._read.stream import StreamItem, iter_json_items

__all__ = [
    "Source",
    "StreamItem",
    "decode_json",
    "decode_text",
    "iter_json_items",
    "open_source",
]
