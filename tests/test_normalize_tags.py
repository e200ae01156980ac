"""One table of tag kinds: `.text` and `.markdown` treat every element of a kind alike."""

from __future__ import annotations

import pytest

from wpparse import Content
from wpparse._normalize import tags

# Blocks the renderer gives a role of its own (headings, verbatim text, quotes, rules,
# description lists), checked elsewhere.
PLAIN_BLOCKS = sorted(
    tags.BLOCKS - tags.HEADINGS - tags.VERBATIM - {"blockquote", "dl", "hr", "figure"}
)


@pytest.mark.parametrize("name", PLAIN_BLOCKS)
def test_every_block_is_a_paragraph_of_its_own_in_both_outputs(name: str) -> None:
    content = Content(html=f"a<{name}>b</{name}>c")
    assert content.text == "a\n\nb\n\nc"
    assert content.markdown == "a\n\nb\n\nc"


@pytest.mark.parametrize("name", sorted(tags.HEADINGS))
def test_every_heading(name: str) -> None:
    content = Content(html=f"a<{name}>b</{name}>c")
    assert content.text == "a\n\nb\n\nc"
    assert content.markdown == f"a\n\n{'#' * int(name[1])} b\n\nc"


@pytest.mark.parametrize("name", sorted(tags.LISTS))
def test_every_list(name: str) -> None:
    content = Content(html=f"<p>a</p><{name}><li>x</li><li>y</li></{name}><p>b</p>")
    if name == "ol":
        assert content.text == "a\n\n1. x\n2. y\n\nb"
        assert content.markdown == "a\n\n1. x\n2. y\n\nb"
    else:
        assert content.text == "a\n\n• x\n• y\n\nb"
        assert content.markdown == "a\n\n- x\n- y\n\nb"


@pytest.mark.parametrize("name", sorted(tags.VERBATIM))
def test_verbatim_text_keeps_its_white_space_and_tags_in_both_outputs(name: str) -> None:
    inner = "  x\n  <i>y</i>"
    html = f"<p>a</p><{name}>{inner}" + ("" if name == "plaintext" else f"</{name}>")
    content = Content(html=html)
    shown = inner if name in tags.RAW_TEXT else "  x\n  y"
    assert content.text == f"a\n\n{shown}"
    assert content.markdown == f"a\n\n```\n{shown}\n```"


@pytest.mark.parametrize("name", sorted(tags.NEVER_SHOWN - {"head"}))
def test_what_is_never_shown_is_in_neither_output(name: str) -> None:
    content = Content(html=f"<p>a<{name}>hidden</{name}>b</p>")
    assert "hidden" not in content.text
    assert "hidden" not in content.markdown
    assert content.text == content.markdown == "ab"
