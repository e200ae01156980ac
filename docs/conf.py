"""Sphinx configuration: Markdown pages (MyST) with the furo theme, API pages from docstrings."""

from __future__ import annotations

import wpparse

project = "wpparse"
author = "The wpparse developers"
copyright = "2026, The wpparse developers"
release = wpparse.__version__
version = release

extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.napoleon"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
myst_heading_anchors = 3
autodoc_member_order = "bysource"
autodoc_typehints = "description"
html_theme = "furo"
html_title = f"wpparse {release}"
