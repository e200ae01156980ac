"""Rendered fields (``title``, ``content``, ``excerpt``, ``caption``, …): HTML plus derived values.

A rendered field keeps WordPress's HTML untouched in ``html``. Its derived values (``text`` and,
with the normalize stage, more) are computed the first time one is asked for and cached on the
object, so a post used for its metadata never touches an HTML parser.

The computing is done by the normalize stage, a later stage than this one. So that this module
never imports it, the normalize stage hands its entry point to `install_normalizer` when it is
imported (``import wpparse`` always imports it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, Protocol

import attrs

from wpparse._errors import ProblemKind
from wpparse._structure.content import ContentLink, Heading, Image, MediaEmbed
from wpparse._structure.fields import read_bool, read_int, read_str
from wpparse._structure.problems import ProblemLog, child_path
from wpparse._structure.table import Field, FieldTable
from wpparse.blocks import Block, parse_blocks


class DerivedValues(Protocol):
    """What the normalize stage computes from a rendered field's HTML."""

    @property
    def text(self) -> str:
        """Plain text."""

    @property
    def truncated(self) -> bool:
        """For excerpts: whether WordPress cut the text short and marked it so."""

    @property
    def links(self) -> tuple[ContentLink, ...]:
        """Navigable links, in document order."""

    @property
    def images(self) -> tuple[Image, ...]:
        """Images, in document order."""

    @property
    def embeds(self) -> tuple[MediaEmbed, ...]:
        """Embedded media, in document order."""

    @property
    def headings(self) -> tuple[Heading, ...]:
        """Headings, in document order."""

    @property
    def markdown(self) -> str:
        """CommonMark with GFM tables."""

    @property
    def word_count(self) -> int:
        """Words in the plain text (each CJK character counting as one)."""


_normalizer: Callable[[Rendered], DerivedValues] | None = None


def install_normalizer(normalizer: Callable[[Rendered], DerivedValues]) -> None:
    """Set the function that computes derived values; called once by ``wpparse._normalize``."""
    global _normalizer  # the one hook that keeps imports pointing from later stages to earlier
    _normalizer = normalizer


@attrs.frozen
class Rendered:
    """A rendered field: ``{"rendered": ..., "raw": ..., "protected": ...}``.

    Attributes:
        html: ``rendered``: the HTML WordPress produced, untouched ("" when absent).
        raw: ``raw`` (edit context only): the text as stored, block markup and all.
        protected: ``protected``: whether the post is password protected (content, excerpt).
        block_version: ``block_version`` (edit context, content): 1 when `raw` holds blocks.
        extra: Other keys of the object, as they came (plugins add some).
        base_url: The URL relative links in `html` are resolved against (the post's link).

    """

    #: How the normalize stage treats this field's HTML: "block" (paragraphs and lists),
    #: "inline" (a title), or "excerpt".
    kind: ClassVar[str] = "block"

    html: str = ""
    raw: str | None = None
    protected: bool | None = None
    block_version: int | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict)
    base_url: str | None = attrs.field(default=None, repr=False)
    _derived: DerivedValues | None = attrs.field(
        default=None, init=False, eq=False, repr=False, hash=False
    )
    # Where derived values stop reading `html`: set when it has more tags than the limit.
    _html_cut: int | None = attrs.field(default=None, init=False, eq=False, repr=False, hash=False)

    @property
    def rendered(self) -> str:
        """`html`, under the name WordPress gives it (``title.rendered``)."""
        return self.html

    @property
    def analyzed_html(self) -> str:
        """The HTML the derived values are computed from.

        `html` itself, unless the field had more tags than `wpparse.Limits.max_html_tags` when
        it was parsed: then its first that many tags (and a problem says so).
        """
        cut = self._html_cut
        return self.html if cut is None else self.html[:cut]

    @property
    def text(self) -> str:
        """Plain text that keeps the layout of blocks.

        Blocks are separated by a blank line, list items, table rows and ``<br>`` by a line
        break; list items start with ``• `` (or their number), nested ones indented by two
        spaces; table cells are separated by a tab; ``pre`` keeps its white space. Inline tags
        add nothing, entities are decoded once, ``&nbsp;`` is a space, invisible characters
        and hidden, script and style content are dropped. See docs/normalization.md.
        """
        return self._values().text

    @property
    def links(self) -> tuple[ContentLink, ...]:
        """Every navigable link, in document order, resolved against the post's link.

        ``javascript:``, ``data:`` and ``vbscript:`` targets, and links to a place within the
        same page (``#…``), are not reported.
        """
        return self._values().links

    @property
    def images(self) -> tuple[Image, ...]:
        """Every image, in document order, once each (lazy-loading copies merged)."""
        return self._values().images

    @property
    def embeds(self) -> tuple[MediaEmbed, ...]:
        """Embedded media (iframes, video, audio, oEmbed blocks), in document order."""
        return self._values().embeds

    @property
    def headings(self) -> tuple[Heading, ...]:
        """Headings with their level, text and anchor id, in document order."""
        return self._values().headings

    @property
    def markdown(self) -> str:
        """The HTML as CommonMark (GFM tables), keeping its structure and Unicode punctuation."""
        return self._values().markdown

    def _values(self) -> DerivedValues:
        derived = self._derived
        if derived is None:
            if _normalizer is None:  # pragma: no cover - wpparse/__init__ always installs one
                raise RuntimeError("import wpparse before using rendered fields")
            derived = _normalizer(self)
            # Frozen to users; the cache is the one field set after construction.
            object.__setattr__(self, "_derived", derived)
        return derived

    def to_dict(self) -> dict[str, Any]:
        """The field as WordPress writes it."""
        return RENDERED_FIELDS.write(self)


@attrs.frozen
class Title(Rendered):
    """``title``: its `text` is one line of plain text.

    ``Q&amp;A &#8211; <em>x</em>`` → ``Q&A – x``.
    """

    kind: ClassVar[str] = "inline"


@attrs.frozen
class Excerpt(Rendered):
    """``excerpt``: its `text` leaves out the ``[…]`` (or "Read more") that marks a cut."""

    kind: ClassVar[str] = "excerpt"

    @property
    def truncated(self) -> bool:
        """Whether the excerpt ended with WordPress's mark of a cut (``[…]``, "Read more")."""
        return self._values().truncated


@attrs.frozen
class Content(Rendered):
    """``content``: the body of the post."""

    _blocks: tuple[Block, ...] | None = attrs.field(
        default=None, init=False, eq=False, repr=False, hash=False
    )

    @property
    def blocks(self) -> tuple[Block, ...]:
        """The blocks of `raw` (edit context), as WordPress's ``parse_blocks()`` returns them.

        ``()`` when `raw` is absent (view and embed contexts send only the rendered HTML).
        Parsed the first time it is read, then kept. Each block's `Block.inner_html`
        normalizes like any HTML: ``Content(html=block.inner_html, base_url=...).links``.
        See docs/blocks.md.
        """
        blocks = self._blocks
        if blocks is None:
            blocks = () if self.raw is None else parse_blocks(self.raw)
            # Frozen to users; like `_derived`, a cache set once after construction.
            object.__setattr__(self, "_blocks", blocks)
        return blocks

    @property
    def word_count(self) -> int:
        """How many words the plain text holds; each CJK character counts as a word."""
        return self._values().word_count

    def reading_time(self, words_per_minute: float = 238) -> dt.timedelta:
        """How long the text takes to read at `words_per_minute` (238: adults, silent reading)."""
        if words_per_minute <= 0:
            raise ValueError("words_per_minute must be positive")
        return dt.timedelta(minutes=self.word_count / words_per_minute)


def read_rendered(
    value: Any, path: str, log: ProblemLog, cls: type[Rendered], base_url: str | None
) -> Rendered | None:
    """Read a rendered field; a bare string (or number) is taken as its ``rendered`` HTML."""
    if type(value) is dict and _is_plain_rendered(value):
        # What WordPress sends in the view context: nothing can be wrong but the tag limit.
        rendered = cls(html=value["rendered"], protected=value.get("protected"), base_url=base_url)
        _hold_to_tag_limit(rendered, path, log, "rendered")
        return rendered
    if value is None:
        log.invalid(path, value, "an object with 'rendered'")
        return None
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        html = read_str(value, path, ProblemLog())
        if html is None:  # a number that cannot be written out (a float NaN, a huge integer)
            log.invalid(path, value, "an object with 'rendered'")
            return None
        log.coerced(path, value, {"rendered": html}, "an object with 'rendered'")
        rendered = cls(html=html, base_url=base_url)
        _hold_to_tag_limit(rendered, path, log)
        return rendered
    if not isinstance(value, dict):
        log.invalid(path, value, "an object with 'rendered'")
        return None
    values = RENDERED_FIELDS.read(value, path, log)
    extra = RENDERED_FIELDS.unread(value, path, log)
    rendered = cls(**values, extra=extra, base_url=base_url)
    _hold_to_tag_limit(rendered, path, log, "rendered")
    return rendered


def _is_plain_rendered(value: dict[str, Any]) -> bool:
    """Whether `value` is ``{"rendered": str}``, with ``"protected": bool`` or not."""
    if type(value.get("rendered")) is not str:
        return False
    size = len(value)
    return size == 1 or (size == 2 and type(value.get("protected")) is bool)


def _hold_to_tag_limit(
    rendered: Rendered, path: str, log: ProblemLog, key: str | None = None
) -> None:
    """Let derived values read only the first `Limits.max_html_tags` tags, and say so.

    The problem is recorded at `path`, or at its `key` when given.
    """
    limit = log.limits.max_html_tags
    html = rendered.html
    if len(html) <= limit or html.count("<") <= limit:  # a C-speed count of tags and stray "<"
        return
    if key is not None:
        path = child_path(path, key)
    # Up to the limit+1-th "<": the last piece of the split is what follows it.
    cut = len(html) - len(html.split("<", limit + 1)[-1]) - 1
    object.__setattr__(rendered, "_html_cut", cut)
    message = (
        f"HTML with more than {limit:,} tags (Limits.max_html_tags): derived values read the "
        f"first {limit:,}, {cut:,} of {len(html):,} characters"
    )
    log.add(path, ProblemKind.LIMIT, message)


#: The keys of a rendered field, in the order WordPress writes them.
RENDERED_FIELDS = FieldTable(
    Field("html", read_str, key="rendered"),
    Field("raw", read_str),
    Field("protected", read_bool),
    Field("block_version", read_int),
    Field("extra", write=dict, merge=True),
)
