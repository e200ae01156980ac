"""The README's example runs as written and its comments tell the truth."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

README = Path(__file__).parent.parent / "README.md"


def _python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)


# The README's one-liner, open(...).read(), leaves closing the file to the garbage collector.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_readme_example_runs_and_its_comments_hold(
    seed_bytes: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "post.json").write_bytes(seed_bytes)
    (tmp_path / "dump.jsonl").write_text(json.dumps(json.loads(seed_bytes)) + "\n")
    namespace: dict[str, Any] = {"raw_list_response": b"[" + seed_bytes + b"]"}
    exec(compile(_python_blocks()[0], "README.md", "exec"), namespace)

    post = namespace["post"]
    assert post.id == 71191
    assert post.title.text == (
        "Japan’s Tech Titans Just Teamed Up to Build a Trillion-Parameter AI—And It’s Not Here"
        " to Chat"
    )
    assert post.title.html.startswith("Japan&#8217;s Tech Titans")
    assert str(post.date) == "2026-04-14 08:51:16+07:00"
    assert str(post.date_gmt) == "2026-04-14 01:51:16+00:00"
    assert post.date_gmt.tzinfo == dt.UTC
    assert post.featured_media == 71192
    assert post.categories == (220,)
    assert (
        post.links["wp:featuredmedia"][0].href
        == post.links["https://api.w.org/featuredmedia"][0].href
    )
    assert post.links["wp:featuredmedia"][0].embeddable is True
    assert post.excerpt.text.startswith("In brief SoftBank, NEC,")
    assert not post.excerpt.text.endswith(("[…]", "…", "]"))
    assert post.extra == {"acf": []}
    assert post.warnings == ()
    assert [p.id for p in namespace["posts"]] == [71191]


def test_readme_problem_example_holds() -> None:
    import wpparse

    block = _python_blocks()[1]
    assert "strict=True" in block
    post = wpparse.parse_post({"id": "7", "sticky": "yes", "title": "Hello"})
    assert (post.id, post.sticky, post.title and post.title.text) == (7, True, "Hello")
    assert str(post.warnings[0]) == "$.id: expected an integer, found string '7'; read as 7"
    with pytest.raises(wpparse.WPParseError) as caught:
        wpparse.parse_post({"id": "7", "sticky": "yes"}, strict=True)
    assert [p.path for p in caught.value.problems] == ["$.id", "$.sticky"]
    with pytest.raises(wpparse.WPAPIError) as api:
        wpparse.parse_post(
            '{"code": "rest_post_invalid_id", "message": "Invalid post ID.",'
            ' "data": {"status": 404}}'
        )
    assert (api.value.code, api.value.status) == ("rest_post_invalid_id", 404)
