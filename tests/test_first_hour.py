"""What a new user meets first, tried from the user's side: the call they make, what they see."""

from __future__ import annotations

import io
import json
import warnings
from pathlib import Path

import pytest

import wpparse
from wpparse.output.partitions import records_from_lines

SEED = Path(__file__).parent / "data" / "post-71191.json"


def test_a_posts_repr_fits_on_a_line_and_names_it() -> None:
    post = wpparse.parse_post(SEED.read_bytes())
    shown = repr(post)
    assert len(shown) < 250
    assert "\n" not in shown
    assert shown.startswith("<Post id=71191 type='post' slug='japans-tech-titans")
    assert "title='Japan’s Tech Titans" in shown
    assert "date='2026-04-14T08:51:16+07:00'" in shown
    assert "warnings" not in shown  # none to count


def test_a_posts_repr_counts_its_warnings_and_shortens_its_title() -> None:
    post = wpparse.parse_post({"id": "3", "title": {"rendered": "word " * 40}})
    assert repr(post) == (
        f"<Post id=3 type=None slug=None title='{('word ' * 12)[:59]}…' date=None warnings=1>"
    )


def test_wordpress_names_for_rendered_fields_work() -> None:
    post = wpparse.parse_post(SEED.read_bytes())
    assert post.title is not None
    assert post.title.rendered == post.title.html
    assert post.title.rendered.startswith("Japan&#8217;s")


def _skipped_warnings(call: object) -> list[warnings.WarningMessage]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()  # type: ignore[operator]
    return [w for w in caught if issubclass(w.category, wpparse.SkippedItemWarning)]


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda data: wpparse.parse_posts(data), id="parse_posts"),
        pytest.param(lambda data: list(wpparse.iter_posts(io.BytesIO(data))), id="iter_posts"),
        pytest.param(
            lambda data: records_from_lines(data.splitlines(), name="part"),
            id="records_from_lines",
        ),
    ],
)
def test_skipped_item_warnings_point_at_the_callers_code(call: object) -> None:
    data = (json.dumps({"id": 1}) + "\n" + json.dumps("not a post") + "\n").encode()
    caught = _skipped_warnings(lambda: call(data))  # type: ignore[operator]
    assert len(caught) == 1
    assert caught[0].filename == __file__


def test_skipped_item_warnings_point_at_the_caller_through_a_path(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text('{"id": 1}\n"not a post"\n', encoding="utf-8")
    caught = _skipped_warnings(lambda: wpparse.parse_posts(path))
    assert [w.filename for w in caught] == [__file__]
