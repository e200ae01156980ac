"""What ``wpparse convert`` did, counted: posts, skipped items by kind, unreadable inputs."""

from __future__ import annotations

import collections

from wpparse._errors import WPParseError


def skip_kind(error: WPParseError) -> str:
    """The kind of an item that is not a post, in words (``not JSON``, ``not a JSON object``…)."""
    return error.kind.value


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
