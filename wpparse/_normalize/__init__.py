"""Stage 3, normalize: rendered HTML becomes text, links, images, embeds, headings, Markdown.

Importing this package installs `Analysis` as the computation behind the derived values of
rendered fields (see `wpparse._structure.rendered`): the first value asked for parses the HTML
once, and every value is plain data afterwards.
"""

from __future__ import annotations

from wpparse._normalize.analysis import Analysis
from wpparse._structure.rendered import install_normalizer

__all__ = ["Analysis"]

install_normalizer(Analysis)
