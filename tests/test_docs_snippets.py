"""Every Python snippet of the README and the docs runs, so a changed API breaks the build.

Snippets written as a session (``>>>``) are doctests: the output shown must be the output
given. The others run as scripts in a folder holding the files they name (``post.json``,
``dump.jsonl.gz``), with the variables they assume bound to real WordPress JSON: ``data``,
``response_bytes`` and ``raw_list_response`` to a collection, ``post_bytes`` to one post. A
statement that the page says raises (``# raises WPParseError …`` on its line or the comment line
after it) must raise that exception. A few snippets need what the tests cannot have (a Spark or
Ray installation, a remote cluster); `NOT_RUN` names them, each with why.
"""

from __future__ import annotations

import ast
import doctest
import gzip
import json
import re
from pathlib import Path
from typing import Any

import pytest

import wpparse

ROOT = Path(__file__).parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# A text each snippet that is not run holds, and why it is not run.
NOT_RUN = {
    'Client("tcp://scheduler:8786")': "needs a Dask scheduler and S3; tests/test_dask.py runs "
    "write_parquet on a local cluster instead",
    "from pyspark.sql import SparkSession": "needs pyspark, not a test dependency",
    "import ray": "needs Ray, not a test dependency",
}
_RAISES = re.compile(r"#\s*raises (\w+)")


def _snippets(page: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), re.DOTALL)


def _scripts() -> list[Any]:
    params = []
    for page in PAGES:
        for number, snippet in enumerate(_snippets(page)):
            if ">>>" in snippet:
                continue
            name = f"{page.relative_to(ROOT)}#{number}"
            reasons = [why for marker, why in NOT_RUN.items() if marker in snippet]
            marks = [pytest.mark.skip(reason=reasons[0])] if reasons else []
            params.append(pytest.param(snippet, id=name, marks=marks))
    return params


def _sessions() -> list[Any]:
    return [
        pytest.param(page, id=str(page.relative_to(ROOT)))
        for page in PAGES
        if any(">>>" in snippet for snippet in _snippets(page))
    ]


@pytest.fixture
def sandbox(seed_bytes: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """A folder with the files snippets name, as the working directory; the names they use."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "post.json").write_bytes(seed_bytes)
    line = json.dumps(json.loads(seed_bytes)) + "\n"
    (tmp_path / "dump.jsonl").write_text(line, encoding="utf-8")
    (tmp_path / "dump.jsonl.gz").write_bytes(gzip.compress(line.encode("utf-8")))
    collection = b"[" + seed_bytes + b"]"
    return {
        "wpparse": wpparse,
        "data": collection,
        "post_bytes": seed_bytes,
        "response_bytes": collection,
        "raw_list_response": collection,
    }


def _expected_raise(lines: list[str], statement: ast.stmt) -> str | None:
    """The exception the page says `statement` raises, from a comment on its line or the next."""
    assert statement.end_lineno is not None
    candidates = lines[statement.lineno - 1 : statement.end_lineno]
    following = lines[statement.end_lineno : statement.end_lineno + 1]
    candidates += [line for line in following if line.lstrip().startswith("#")]
    for line in candidates:
        found = _RAISES.search(line)
        if found:
            return found.group(1)
    return None


# Snippets open files with open(...).read(), leaving them to the garbage collector.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.parametrize("snippet", _scripts())
def test_snippet_runs(snippet: str, sandbox: dict[str, Any]) -> None:
    lines = snippet.splitlines()
    for statement in ast.parse(snippet).body:
        code = compile(ast.Module([statement], type_ignores=[]), "<snippet>", "exec")
        expected = _expected_raise(lines, statement)
        if expected is None:
            exec(code, sandbox)
            continue
        with pytest.raises(Exception) as caught:  # noqa: PT011 - the type is checked below
            exec(code, sandbox)
        assert type(caught.value).__name__ == expected


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.parametrize("page", _sessions())
def test_session_output_is_as_shown(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # sessions name files by their place in the repository
    sessions = "\n".join(snippet for snippet in _snippets(page) if ">>>" in snippet)
    parser = doctest.DocTestParser()
    test = parser.get_doctest(sessions, {"wpparse": wpparse}, page.name, str(page), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    results = runner.summarize(verbose=False)
    assert results.attempted > 0
    assert results.failed == 0
