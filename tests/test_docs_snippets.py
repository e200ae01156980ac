"""Every Python snippet of the README and the docs runs, so a changed API breaks the build.

Snippets written as a session (``>>>``) are doctests: the output shown must be the output
given. The others run as scripts in a folder holding the files they name (``post.json``,
``dump.jsonl.gz``), with the variables they assume bound to real WordPress JSON: ``data``,
``response_bytes`` and ``raw_list_response`` to a collection, ``post_bytes`` to one post. A
statement that the page says raises (``# raises WPParseError …`` on its line or the comment line
after it) must raise that exception. Recipes for other engines (Dask, Spark, Ray: `NEEDS`) run
where the engine is installed, on local stand-ins for the remote cluster and storage they name
(`LOCAL`), over three posts in ``shards/``; elsewhere they are skipped, saying which is missing.
"""

from __future__ import annotations

import ast
import doctest
import gzip
import importlib.util
import json
import re
from pathlib import Path
from typing import Any

import pytest

import wpparse

ROOT = Path(__file__).parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# Snippets that need an optional engine: a text the snippet holds, and the module it needs. They
# run where the module is installed and are skipped, saying so, where it is not.
NEEDS = {
    "from dask.distributed import Client": "distributed",
    "from pyspark.sql import SparkSession": "pyspark",
    "import ray": "ray",
}
# What a snippet names that the tests replace with a local equivalent: a remote cluster, S3.
LOCAL = {
    'Client("tcp://scheduler:8786")': "Client(processes=False, dashboard_address=None)",
    '"s3://bucket/shards/*.jsonl.gz"': '"shards/*.jsonl.gz"',
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
            needed = [module for marker, module in NEEDS.items() if marker in snippet]
            marks = [
                pytest.mark.skipif(
                    importlib.util.find_spec(module) is None,
                    reason=f"needs {module}, which is not installed (an optional engine)",
                )
                for module in needed
            ]
            if needed:  # an engine's own deprecation notices are not the snippet's doing
                marks.append(pytest.mark.filterwarnings("ignore::DeprecationWarning"))
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
    shards = tmp_path / "shards"
    shards.mkdir()
    post = json.loads(seed_bytes)
    lines = "".join(json.dumps(dict(post, id=number)) + "\n" for number in (1, 2, 3))
    (shards / "posts-0.jsonl.gz").write_bytes(gzip.compress(lines.encode("utf-8")))
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
    for remote, local in LOCAL.items():
        snippet = snippet.replace(remote, local)
    lines = snippet.splitlines()
    try:
        for statement in ast.parse(snippet).body:
            code = compile(ast.Module([statement], type_ignores=[]), "<snippet>", "exec")
            expected = _expected_raise(lines, statement)
            if expected is None:
                exec(code, sandbox)
                continue
            with pytest.raises(Exception) as caught:  # noqa: PT011 - the type is checked below
                exec(code, sandbox)
            assert type(caught.value).__name__ == expected
    finally:
        _stop_engines(sandbox)
    if "posts-parquet/" in snippet:  # the engine recipes: their output holds the three posts
        pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed")
        table = pq.read_table("posts-parquet/")
        assert sorted(table.column("id").to_pylist()) == [1, 2, 3]


def _stop_engines(namespace: dict[str, Any]) -> None:
    """Close what the engine recipes started, so no process or thread outlives the test."""
    if "client" in namespace:
        namespace["client"].close()
    if "spark" in namespace:
        namespace["spark"].stop()
    if "ray" in namespace:
        namespace["ray"].shutdown()


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
