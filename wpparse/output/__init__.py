"""Stage 4, output: posts written out as flat records and JSON, and the ``wpparse`` command line."""

from wpparse._deprecation import moved_names
from wpparse.output._jsonl import dumps_json
from wpparse.output._partitions import records_from_lines
from wpparse.output._records import RECORD_COLUMNS, to_record

__all__ = ["RECORD_COLUMNS", "dumps_json", "records_from_lines", "to_record"]

# Its modules that 0.1 imported with it, by their old names (private since 0.2).
__getattr__ = moved_names("wpparse.output", {})
