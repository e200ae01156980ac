"""Where each exported post goes: a safe, portable path for its Markdown file.

Three layouts: ``slug`` (``slug.md``), ``type`` (``posts/slug.md``, ``pages/parent/child.md``,
a custom type's folder by its name) and ``date`` (``posts/2024/05/slug.md``; pages keep their
hierarchy). Names are decoded from WordPress's percent-encoded slugs and made safe on every
system: no separators or characters Windows forbids, no control characters, no names Windows
reserves (``con``, ``nul``, ``com1``…) or generators read as a folder's own page (``index``,
``_index``), no trailing dots or white space (a corpus title ends in a
full-width space), at most `MAX_NAME_BYTES` bytes; two posts that would share a path (in any
letter case) are numbered.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import PurePosixPath
from urllib.parse import unquote

from wpparse._structure.post import Post

LAYOUTS = ("slug", "type", "date")
#: The longest file or folder name written, in UTF-8 bytes (file systems allow 255).
MAX_NAME_BYTES = 120
_UNSAFE = re.compile(r'[/\\:*?"<>|\x00-\x1f\x7f-\x9f]+')
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10)}
)
_TYPE_FOLDERS = {"post": "posts", "page": "pages", "attachment": "media"}


def safe_name(text: str, fallback: str) -> str:
    """`text` (a slug, percent-encoded or not) as one portable file or folder name."""
    name = _UNSAFE.sub("-", unquote(text))
    name = name.strip().strip(". -\u3000").strip()
    name = name.encode("utf-8")[:MAX_NAME_BYTES].decode("utf-8", "ignore").rstrip(". -").strip()
    if not name:
        return fallback
    if name.split(".")[0].lower() in _RESERVED:
        name = f"{name}-"
    return name


def _file_stem(slug: str) -> str:
    # Static site generators read index.md and _index.md as a folder's own page, not a post.
    return f"{slug}-" if slug.lower() in ("index", "_index") else slug


class Layout:
    """Paths for the posts of one export, each distinct (see the module's description)."""

    def __init__(self, kind: str, pages: Mapping[int, Post]) -> None:
        if kind not in LAYOUTS:
            raise ValueError(f"layout must be one of {', '.join(LAYOUTS)}")
        self.kind = kind
        self._pages = pages
        self._taken: set[str] = set()

    def path(self, post: Post) -> PurePosixPath:
        """The path of `post`'s file, relative to the export's folder, never one given before."""
        stem = _file_stem(self.slug(post))
        folder = self._folder(post)
        candidate = folder / f"{stem}.md"
        number = 1
        while str(candidate).casefold() in self._taken:
            number += 1
            candidate = folder / f"{stem}-{number}.md"
        self._taken.add(str(candidate).casefold())
        return candidate

    @staticmethod
    def slug(post: Post) -> str:
        """The post's slug as a safe name (its id when it has none)."""
        return safe_name(post.slug or "", str(post.id or "untitled"))

    def _folder(self, post: Post) -> PurePosixPath:
        if self.kind == "slug":
            return PurePosixPath()
        kind = post.type or "post"
        folder = PurePosixPath(safe_name(_TYPE_FOLDERS.get(kind, kind), "other"))
        if post.type == "page":
            return folder.joinpath(*self._ancestors(post))
        if self.kind == "date" and post.date is not None:
            return folder / f"{post.date:%Y}" / f"{post.date:%m}"
        return folder

    def _ancestors(self, page: Post) -> list[str]:
        """The slugs of the exported pages above `page`, top first (a loop is cut)."""
        names: list[str] = []
        seen = {page.id}
        parent = self._pages.get(page.parent) if page.parent is not None else None
        while parent is not None and parent.id not in seen:
            seen.add(parent.id)
            names.append(self.slug(parent))
            parent = self._pages.get(parent.parent) if parent.parent is not None else None
        return names[::-1]
