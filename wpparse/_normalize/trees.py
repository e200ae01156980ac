"""Parsed fragments kept for a while, so several derived values share one parse.

A Lexbor tree costs about twenty times its HTML in memory, so trees cannot simply live as long
as the posts that own them: a program holding a hundred thousand posts would hold gigabytes of
trees. Instead each thread keeps its most recent trees (at most `MAX_TREES` of them, holding at
most `MAX_CHARS` characters of HTML). When a tree leaves the cache while its owner is still
alive, the owner first takes from it everything it could still need, as plain data
(``capture``), so no fragment is ever parsed twice. Trees never cross threads: the cache is
per thread, as Lexbor objects must be.
"""

from __future__ import annotations

import itertools
import threading
import weakref
from collections import OrderedDict
from typing import Protocol

from selectolax.lexbor import LexborHTMLParser

# Few: every tree kept alive holds memory the next parse cannot reuse while it is still warm in
# the processor's caches. 32 trees made each parse about 5% slower than 8 did (measured on the
# corpus); fewer than 8 would make a post's last fields push out its first ones.
MAX_TREES = 8
# 512 K characters: eight posts of 64 kB, a long one each; one larger post is still kept alone.
MAX_CHARS = 1 << 19


class TreeOwner(Protocol):
    """What owns a cached tree: it is told to take what it needs before the tree goes."""

    def capture(self, tree: LexborHTMLParser) -> None:
        """Read everything still needed from `tree`, which is about to be freed."""


_Entry = tuple[LexborHTMLParser, "weakref.ref[TreeOwner]", int]


class _Cache(threading.local):
    def __init__(self) -> None:
        self.entries: OrderedDict[int, _Entry] = OrderedDict()
        self.chars = 0


_cache = _Cache()
_keys = itertools.count()


def keep(owner: TreeOwner, tree: LexborHTMLParser, chars: int) -> int:
    """Cache `tree` for `owner` (its HTML was `chars` long); return the key to get it back."""
    key = next(_keys)
    cache = _cache
    cache.entries[key] = (tree, weakref.ref(owner), chars)
    cache.chars += chars
    while len(cache.entries) > 1 and (len(cache.entries) > MAX_TREES or cache.chars > MAX_CHARS):
        _evict(cache, next(iter(cache.entries)))
    return key


def get(key: int) -> LexborHTMLParser | None:
    """The tree cached under `key` by this thread, or None if it is gone."""
    entry = _cache.entries.get(key)
    if entry is None:
        return None
    _cache.entries.move_to_end(key)
    return entry[0]


def release(key: int) -> None:
    """Free the tree cached under `key`: its owner needs nothing more from it."""
    entry = _cache.entries.pop(key, None)
    if entry is not None:
        _cache.chars -= entry[2]


def _evict(cache: _Cache, key: int) -> None:
    tree, owner_ref, chars = cache.entries.pop(key)
    cache.chars -= chars
    owner = owner_ref()
    if owner is not None:
        owner.capture(tree)
