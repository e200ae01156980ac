"""Stage 4, output: posts written out as JSON, and the ``wpparse`` command line."""

from wpparse.output.jsonl import dumps_json

__all__ = ["dumps_json"]
