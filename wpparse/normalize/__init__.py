"""Stage 3, normalize: rendered HTML becomes plain text (and, later, links, images, …).

Importing this package installs `derive` as the computation behind the derived values of
rendered fields (see `wpparse.structure.rendered`).
"""

from __future__ import annotations

import attrs

from wpparse.normalize.excerpt import excerpt_text
from wpparse.normalize.text import block_text, inline_text
from wpparse.structure.rendered import Rendered, install_normalizer

__all__ = ["DerivedText", "block_text", "derive", "excerpt_text", "inline_text"]


@attrs.frozen
class DerivedText:
    """The values derived from one rendered field; plain data, so posts pickle."""

    text: str
    truncated: bool = False


def derive(rendered: Rendered) -> DerivedText:
    """Compute the derived values of `rendered`, parsing its HTML at most once."""
    if rendered.kind == "inline":
        return DerivedText(inline_text(rendered.html))
    if rendered.kind == "excerpt":
        text, truncated = excerpt_text(rendered.html)
        return DerivedText(text, truncated)
    return DerivedText(block_text(rendered.html))


install_normalizer(derive)
