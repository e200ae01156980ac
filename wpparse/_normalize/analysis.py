"""One rendered field, analysed: a single parse, every derived value computed when asked for.

The first derived value asked for parses the field's HTML, once: marked for layout
(`wpparse._normalize.markers`) and cleaned of what is never shown. The tree then stays in this
thread's tree cache (`wpparse._normalize.trees`), so the next values read it instead of parsing
again; if the cache lets it go first, this object captures from it every value it could still
need, as plain data. Values are stored as strings and tuples, so a post pickles.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from wpparse._normalize import trees
from wpparse._normalize.cleanup import class_values, remove_never_shown, without_fallback
from wpparse._normalize.controls import without_controls
from wpparse._normalize.depth import limit_depth
from wpparse._normalize.embeds import RawEmbed, collect_embeds, finish_embeds
from wpparse._normalize.excerpt import remove_more_links, strip_cut_mark
from wpparse._normalize.fragment import parse_fragment
from wpparse._normalize.headings import collect_headings
from wpparse._normalize.images import RawImage, collect_images, finish_images
from wpparse._normalize.links import RawLink, collect_links, finish_links
from wpparse._normalize.markdown import to_markdown
from wpparse._normalize.markers import TAG_NAMES, mark_layout
from wpparse._normalize.shortcodes import expand_shortcodes
from wpparse._normalize.text import count_words, finish_text, one_line, unescape_line
from wpparse._structure.content import ContentLink, Heading, Image, MediaEmbed
from wpparse._structure.rendered import Rendered

# Line breaks in Markdown and the spaces around them (other white space, U+3000 say, is text).
_LINE_BREAKS = re.compile(r"[ \t]*\n[ \t\n]*")
# What is read from the tree, by the slot that keeps it: each a function of (analysis, tree).
_FROM_TREE: dict[str, Callable[[Analysis, LexborHTMLParser], Any]] = {
    "_raw_text": lambda self, tree: without_fallback(tree, self._tags).text(),
    "_raw_links": lambda self, tree: collect_links(tree, self._tags),
    "_raw_images": lambda self, tree: collect_images(tree, self._tags),
    "_raw_embeds": lambda self, tree: collect_embeds(tree, self._tags, self._classes),
    "_headings": lambda self, tree: collect_headings(tree, self._tags),
    "_canonical_html": lambda self, tree: tree.html or "",
}


class Analysis:
    """The derived values of one rendered field (see `wpparse._structure.rendered.Rendered`)."""

    __slots__ = (
        "__weakref__",
        "_base_url",
        "_canonical_html",
        "_classes",
        "_embeds",
        "_excerpt",
        "_headings",
        "_html",
        "_images",
        "_inline",
        "_key",
        "_links",
        "_list_numbers",
        "_markdown",
        "_raw_embeds",
        "_raw_images",
        "_raw_links",
        "_raw_text",
        "_tags",
        "_text",
        "_truncated",
        "_word_count",
    )

    def __init__(self, rendered: Rendered) -> None:
        # First of all: past this line, every control character but tab and line feed is a mark.
        html = without_controls(rendered.analyzed_html)
        if "[" in html:
            html = expand_shortcodes(html)
        self._html = html
        self._base_url = rendered.base_url
        self._inline = rendered.kind == "inline"
        self._excerpt = rendered.kind == "excerpt"
        self._tags: set[str] = set()
        self._classes: str = ""
        self._key: int | None = None
        self._truncated = False
        self._raw_text: str | None = None
        self._raw_links: list[RawLink] | None = None
        self._raw_images: list[RawImage] | None = None
        self._raw_embeds: list[RawEmbed] | None = None
        self._headings: tuple[Heading, ...] | None = None
        self._canonical_html: str | None = None
        self._text: str | None = None
        self._links: tuple[ContentLink, ...] | None = None
        self._images: tuple[Image, ...] | None = None
        self._embeds: tuple[MediaEmbed, ...] | None = None
        self._markdown: str | None = None
        self._word_count: int | None = None
        self._list_numbers = 0  # the numbers of list items in the text (not words)
        if "<" not in html:
            # No markup: nothing to parse, ever.
            self._raw_text = unescape_line(html)
            self._raw_links, self._raw_images, self._raw_embeds = [], [], []
            self._headings = ()
            self._canonical_html = html
        elif self._excerpt:
            # Whether the excerpt was cut is known only once its "read more" link is found.
            self._read("_raw_text")

    # -- the tree ------------------------------------------------------------------------------

    def _parse(self) -> LexborHTMLParser:
        all_names = TAG_NAMES.findall(self._html)
        names = set(all_names)
        uppercase = not "".join(names).islower()
        self._html = html = limit_depth(self._html, len(all_names), uppercase)
        self._tags = tags = {name.lower() for name in names} if uppercase else names
        if "image" in tags:
            tags.add("img")  # the parser reads <image> as <img>, as browsers do
        self._classes = classes = class_values(html, uppercase)
        # Marked for layout even when the text is one line: a <br> or the edge of a block then
        # becomes a space, where a bare parse would glue the words on either side together.
        tree = parse_fragment(mark_layout(html, tags, uppercase))
        if self._excerpt:
            # Before the general clean-up, which would take a theme's "more-link" along. (A
            # second parse, in another thread, must not forget a cut found by the first.)
            self._truncated = remove_more_links(tree, tags, self._base_url) or self._truncated
        remove_never_shown(tree, html, tags, classes)
        return tree

    def _tree(self) -> tuple[int, LexborHTMLParser]:
        """The parsed tree of the field and its cache key, parsing it the first time.

        The tree of another thread is out of reach (trees never cross threads), so a field read
        from a thread other than the one that parsed it is parsed again there.
        """
        key = self._key
        tree = trees.get(key) if key is not None else None
        if key is None or tree is None:
            tree = self._parse()
            self._key = key = trees.keep(self, tree, len(self._html))
        return key, tree

    def _read(self, slot: str) -> Any:
        """The value kept in `slot`, read from the tree the first time."""
        value = getattr(self, slot)
        if value is not None:
            return value
        key, tree = self._tree()
        value = _FROM_TREE[slot](self, tree)
        setattr(self, slot, value)
        if all(getattr(self, name) is not None for name in _FROM_TREE):
            # Everything is read: the tree can go now.
            trees.release(key)
            self._key = None
        return value

    def capture(self, tree: LexborHTMLParser) -> None:
        """Read every value still needed from `tree` before the tree cache frees it."""
        for slot, read in _FROM_TREE.items():
            if getattr(self, slot) is None:
                setattr(self, slot, read(self, tree))
        self._key = None

    # -- the values ----------------------------------------------------------------------------

    @property
    def text(self) -> str:
        """Plain text, laid out (one line for titles; without the cut mark for excerpts)."""
        if self._text is None:
            raw = self._read("_raw_text")
            if self._inline:
                text = one_line(raw)
            else:
                text, self._list_numbers = finish_text(raw)
            if self._excerpt:
                text, cut = strip_cut_mark(text, after_link=self._truncated)
                self._truncated = self._truncated or cut
            self._text = text
            self._raw_text = ""  # read, and not needed any more
        return self._text

    @property
    def truncated(self) -> bool:
        """For excerpts: whether the text was cut short and marked so."""
        self.text  # noqa: B018 - the cut mark is found with the text
        return self._truncated

    @property
    def links(self) -> tuple[ContentLink, ...]:
        """Navigable links, resolved."""
        if self._links is None:
            self._links = finish_links(self._read("_raw_links"), self._base_url)
        return self._links

    @property
    def images(self) -> tuple[Image, ...]:
        """Images, resolved and merged."""
        if self._images is None:
            self._images = finish_images(self._read("_raw_images"), self._base_url)
        return self._images

    @property
    def embeds(self) -> tuple[MediaEmbed, ...]:
        """Embeds, resolved."""
        if self._embeds is None:
            self._embeds = finish_embeds(self._read("_raw_embeds"), self._base_url)
        return self._embeds

    @property
    def headings(self) -> tuple[Heading, ...]:
        """Headings."""
        value: tuple[Heading, ...] = self._read("_headings")
        return value

    @property
    def markdown(self) -> str:
        """CommonMark with GFM tables."""
        if self._markdown is None:
            markdown = to_markdown(self._read("_canonical_html"), self._base_url)
            if self._inline and not markdown.isprintable():  # one line: breaks become spaces
                markdown = _LINE_BREAKS.sub(" ", markdown.replace("\\\n", "\n"))
                markdown = markdown.replace("\t", " ")
            self._markdown = markdown
        return self._markdown

    @property
    def word_count(self) -> int:
        """Words in the plain text."""
        if self._word_count is None:
            self._word_count = count_words(self.text, list_numbers=self._list_numbers)
        return self._word_count

    # -- pickling: plain data only --------------------------------------------------------------

    def __getstate__(self) -> dict[str, Any]:
        # A pickled field carries every value, since its tree cannot follow it.
        if any(getattr(self, slot) is None for slot in _FROM_TREE):
            key, tree = self._tree()
            self.capture(tree)
            trees.release(key)
        return {
            name: getattr(self, name)
            for name in self.__slots__
            if name not in ("__weakref__", "_key")
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._key = None
        # Defaults for the slots that pickles made by earlier versions do not hold.
        self._classes, self._list_numbers = "", 0
        for name, value in state.items():
            setattr(self, name, value)
