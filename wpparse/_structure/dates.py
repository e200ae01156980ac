"""WordPress dates: a site-local wall time and a UTC time per moment, made into aware datetimes.

WordPress sends ``date`` (local, no offset) and ``date_gmt`` (UTC, no offset). Their difference
is the site's UTC offset at that moment, which can change with daylight saving, so it is worked
out for each pair rather than once per site.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Mapping
from typing import Any

from dateutil import parser as dateutil_parser

from wpparse._errors import ProblemKind
from wpparse._structure.problems import ProblemLog, child_path

UTC = dt.UTC
# How MySQL's zero date leaks out of WordPress: both mean "no date".
_ZERO_DATES = ("0000-00-00", "-0001-11-30")
# UTC offsets in use run from -12:00 to +14:00; anything beyond means the pair disagrees.
_MAX_OFFSET = dt.timedelta(hours=14)
_MIN_OFFSET = dt.timedelta(hours=-12)
# The zones of the offsets met so far: a site has one or two.
_ZONES: dict[dt.timedelta, dt.timezone] = {}


def read_datetime(value: Any, path: str, log: ProblemLog) -> dt.datetime | None:
    """A datetime from an ISO 8601 string, naive unless the string has an offset.

    ``null`` and the zero dates are read as None silently. Other forms that `dateutil` can read,
    and UNIX timestamps (as UTC), are converted with a problem recorded.
    """
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        if text.startswith(_ZERO_DATES):
            return None
        try:
            return dt.datetime.fromisoformat(text)
        except ValueError:
            pass
        try:
            result: dt.datetime = dateutil_parser.parse(text)
            # dateutil accepts offsets of a day or more ("08+51:16"), which datetime refuses
            # to use: asking for the offset raises here, not later in the caller's hands.
            result.utcoffset()
        except (ValueError, OverflowError):
            log.invalid(path, value, "an ISO 8601 date")
            return None
        log.coerced(path, value, result.isoformat(), "an ISO 8601 date")
        return result
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            result = dt.datetime.fromtimestamp(value, UTC)
        except (ValueError, OverflowError, OSError):
            log.invalid(path, value, "an ISO 8601 date")
            return None
        log.coerced(path, value, result.isoformat(), "an ISO 8601 date")
        return result
    log.invalid(path, value, "an ISO 8601 date")
    return None


def read_date_pair(
    obj: Mapping[str, Any], path: str, log: ProblemLog, local_key: str, gmt_key: str
) -> tuple[dt.datetime | None, dt.datetime | None]:
    """Read a local/GMT pair of `obj` such as ``date``/``date_gmt`` into aware datetimes.

    The GMT time becomes aware in UTC. The local time gets the offset that separates it from the
    GMT time; without a GMT time it stays naive, since the offset cannot be known.
    """
    local = _read_key(obj, path, log, local_key)
    gmt = _read_key(obj, path, log, gmt_key)
    if gmt is not None:
        gmt = gmt.replace(tzinfo=UTC) if gmt.tzinfo is None else gmt.astimezone(UTC)
    if local is None or local.tzinfo is not None or gmt is None:
        return local, gmt
    offset = local - gmt.replace(tzinfo=None)
    if not _MIN_OFFSET <= offset <= _MAX_OFFSET or offset % dt.timedelta(minutes=1):
        log.add(
            child_path(path, local_key),
            ProblemKind.INVALID,
            f"{local_key} and {gmt_key} differ by {_signed(offset)}, which is no UTC offset; "
            f"{local_key} kept without an offset",
        )
        return local, gmt
    zone = _ZONES.get(offset)
    if zone is None:
        zone = _ZONES[offset] = dt.timezone(offset)  # at most one per minute of the range
    return local.replace(tzinfo=zone), gmt


def _read_key(obj: Mapping[str, Any], path: str, log: ProblemLog, key: str) -> dt.datetime | None:
    value = obj.get(key)
    if value is None:
        return None
    if type(value) is str:
        # What WordPress sends: read without building the path the reader may need.
        with contextlib.suppress(ValueError):
            return dt.datetime.fromisoformat(value)
    return read_datetime(value, child_path(path, key), log)


def _signed(delta: dt.timedelta) -> str:
    """`delta` as a person writes it: ``-0:00:01``, ``+51:16:00`` (not ``-1 day, 23:59:59``)."""
    seconds = abs(delta)
    hours, rest = divmod(int(seconds.total_seconds()), 3600)
    minutes, whole = divmod(rest, 60)
    fraction = f"{seconds.microseconds / 1e6:.6f}"[1:].rstrip("0").rstrip(".")
    return f"{'-' if delta < dt.timedelta(0) else '+'}{hours}:{minutes:02}:{whole:02}{fraction}"


def format_datetime(value: dt.datetime) -> str:
    """ISO 8601 text for `value`, with its offset when it has one."""
    return value.isoformat()
