"""The examples of docs/blocks.md run as written and print what the page says."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

DOCS = Path(__file__).parent.parent / "docs" / "blocks.md"


def test_blocks_page_examples_hold() -> None:
    text = DOCS.read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.DOTALL)
    examples = [re.sub(r"(?m)^  ", "", block) for block in blocks if ">>>" in block]
    assert len(examples) >= 6
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    # One session for the whole page: later examples use the names earlier ones set.
    runner.run(parser.get_doctest("\n".join(examples), {}, "blocks.md", str(DOCS), 0))
    results = runner.summarize(verbose=False)
    assert results.attempted > 20
    assert results.failed == 0
