"""Caps that keep hostile input from costing unbounded memory or time.

Shared by every stage, like `wpparse._errors`: the read stage checks sizes, the structure stage
nesting and the number of tags of each rendered field.
"""

from __future__ import annotations

import attrs

__all__ = ["DEFAULT_LIMITS", "Limits"]


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"Limits.{attribute.name} must be a positive integer, not {value!r}")


@attrs.frozen
class Limits:
    """Caps on what one parse takes on; the defaults are far above anything WordPress sends.

    Pass ``limits=wpparse.Limits(...)`` to `wpparse.parse_post`, `wpparse.parse_posts` or
    `wpparse.iter_posts` to change them, for instance ``Limits(max_size=1 << 30)`` for a huge
    single document you trust. Data you decoded yourself and pass as a dict has no size.

    Attributes:
        max_size: The largest JSON document read whole (text, bytes or a file given to
            `parse_post`), and the largest item of a stream or list, in bytes (characters for
            text). A larger document raises `WPParseError`; a larger item of a stream is
            skipped and reported like any item that is not a post. `parse_posts` reads text
            or bytes larger than this item by item. Default 64 MiB.
        max_depth: How deeply a value kept as it came may nest: plugin fields in ``extra``,
            ``meta``, ``image_meta``, unknown ``_embedded`` relations and link attributes. Parts
            nested deeper are replaced by null and reported (`ProblemKind.LIMIT`), so posts
            stay safe to pickle, copy and print. Default 256; the deepest value in real
            WordPress data we have seen nests 8 levels.
        max_html_tags: How many tags of one rendered field (``content``, ``excerpt``, …) the
            derived values read. A field with more keeps all of its ``html``, is reported
            (`ProblemKind.LIMIT`), and its ``text``, ``links`` and other derived values come
            from its first `max_html_tags` tags. Default 200,000; the largest post we have
            seen has under 10,000.

    """

    max_size: int = attrs.field(default=64 * 1024 * 1024, validator=_positive)
    max_depth: int = attrs.field(default=256, validator=_positive)
    max_html_tags: int = attrs.field(default=200_000, validator=_positive)


#: The limits used when none are given.
DEFAULT_LIMITS = Limits()
