"""What ``wpparse convert`` did, counted: posts, skipped items by kind, unreadable inputs."""

from __future__ import annotations

import collections

from wpparse.errors import WPAPIError, WPParseError

# Why an item was skipped, from the start of the reader's message.
_KINDS = (
    ("malformed JSON", "malformed JSON"),
    ("truncated JSON", "truncated JSON"),
    ("found HTML", "HTML, not JSON"),
    ("JSON is nested too deeply", "JSON nested too deeply"),
    ("a single JSON value is larger", "value too large"),
    ("expected a post", "not a JSON object"),
    ("expected one post", "not a JSON object"),
)


def skip_kind(error: WPParseError) -> str:
    """The kind of an item that is not a post (``malformed JSON``, ``not a JSON object``, …)."""
    if isinstance(error, WPAPIError):
        return "WordPress error object"
    for start, kind in _KINDS:
        if error.summary.startswith(start):
            return kind
    return "other"


class Tally:
    """Counts of what a conversion met."""

    def __init__(self) -> None:
        self.posts = 0
        self.skipped: collections.Counter[str] = collections.Counter()
        self.unreadable = 0

    def skip(self, error: WPParseError) -> None:
        """Count an item skipped because it is not a post."""
        self.skipped[skip_kind(error)] += 1

    def summary(self, seconds: float, *, stopped: bool = False) -> str:
        """One line: posts and posts/s, then skipped items by kind and unreadable inputs."""
        rate = self.posts / seconds if seconds > 0 else 0.0
        parts = [f"{_count(self.posts, 'post')} in {seconds:.1f} s ({rate:,.0f} posts/s)"]
        if self.skipped:
            kinds = ", ".join(f"{count:,} {kind}" for kind, count in self.skipped.most_common())
            parts.append(f"{_count(self.skipped.total(), 'item')} skipped ({kinds})")
        if self.unreadable:
            parts.append(f"{_count(self.unreadable, 'input')} could not be read")
        if stopped:
            parts.append("stopped at the first problem (--strict)")
        return "; ".join(parts)


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"
