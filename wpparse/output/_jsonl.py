"""Writing JSON that is always valid UTF-8, whatever strings the input carried."""

from __future__ import annotations

import json
from typing import Any


def dumps_json(value: Any, *, indent: int | None = None) -> str:
    r"""`value` as JSON text, non-ASCII characters kept as they are.

    Strings holding lone surrogates (which JSON input can carry as ``\\ud800`` escapes) cannot be
    written as UTF-8; for those values the text is escaped to ASCII instead, which is the same
    JSON.
    """
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value, ensure_ascii=True, indent=indent)
    return text
