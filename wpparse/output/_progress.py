"""A progress line on standard error: posts so far and posts per second.

tqdm draws it when it is installed (the ``progress`` extra); otherwise a one-line counter does.
Messages printed meanwhile go through `Progress.message`, so that they do not break the line.
"""

from __future__ import annotations

import importlib
import time
from typing import Any, TextIO


def _load_tqdm() -> Any:
    try:
        return importlib.import_module("tqdm").tqdm
    except ImportError:  # pragma: no cover - depends on what is installed
        return None


#: tqdm's progress bar class, or None when tqdm is not installed.
TQDM: Any = _load_tqdm()

#: Seconds between two redraws of the counter.
REDRAW_SECONDS = 0.2


class Progress:
    """Posts converted so far, and the rate, drawn on `stream` when `enabled`."""

    def __init__(self, stream: TextIO, *, enabled: bool) -> None:
        self._stream = stream
        self._enabled = enabled
        self._bar: Any = None
        self._count = 0
        self._start = time.monotonic()
        self._drawn_at = 0.0
        self._width = 0

    def update(self, count: int) -> None:
        """Add `count` posts."""
        self._count += count
        if not self._enabled:
            return
        if TQDM is not None:
            if self._bar is None:
                # Made at the first update, when the worker processes have been started: tqdm
                # may start a monitor thread, and a process should not fork once it has threads.
                self._bar = TQDM(
                    desc="wpparse",
                    unit=" posts",
                    file=self._stream,
                    leave=False,
                    dynamic_ncols=True,
                    mininterval=REDRAW_SECONDS,
                )
            self._bar.update(count)
            return
        now = time.monotonic()
        if now - self._drawn_at >= REDRAW_SECONDS:
            self._draw(now)

    def message(self, text: str) -> None:
        """Print `text` on its own line, above the progress line."""
        if self._bar is not None:
            self._bar.write(text, file=self._stream)
            return
        self._clear()
        print(text, file=self._stream)

    def close(self) -> None:
        """Remove the progress line."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None
        self._clear()

    def _draw(self, now: float) -> None:
        rate = self._count / max(now - self._start, 1e-9)
        text = f"wpparse: {self._count:,} posts, {rate:,.0f} posts/s"
        self._stream.write("\r" + text.ljust(self._width))
        self._stream.flush()
        self._width = len(text)
        self._drawn_at = now

    def _clear(self) -> None:
        if self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._width = 0
            self._drawn_at = 0.0
