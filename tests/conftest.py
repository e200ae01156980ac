"""Fixtures shared by the tests: the seed post and the read-only ../shared material."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import settings

if TYPE_CHECKING:
    from tests.live_wordpress import PhpBlockParser, WordPressSite

# Every property draws as many examples as the profile says. CI (HYPOTHESIS_PROFILE=ci, set by
# .ci/run) draws the same examples on every run, so a landing is never turned away by a new
# random example; runs elsewhere explore afresh each time. `--hypothesis-profile=thorough`
# (see the README) draws ten times as many.
settings.register_profile("default", max_examples=200, deadline=None)
settings.register_profile(
    "ci", parent=settings.get_profile("default"), derandomize=True, print_blob=True
)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

TESTS = Path(__file__).parent
DATA = TESTS / "data"
SEED_POST = DATA / "post-71191.json"
SHARED = TESTS.parent.parent / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture
def seed_bytes() -> bytes:
    """The seed post (hbbgroup.net post 71191, view context) as the REST API sent it."""
    return SEED_POST.read_bytes()


@pytest.fixture
def seed_dict(seed_bytes: bytes) -> dict[str, Any]:
    """The seed post decoded; each test gets its own copy to change."""
    value: dict[str, Any] = json.loads(seed_bytes)
    return value


@pytest.fixture
def dump(seed_dict: dict[str, Any], tmp_path: Path) -> Path:
    """A collection response of three posts in a file, the second with ``sticky`` a string."""
    path = tmp_path / "posts.json"
    posts = [seed_dict, dict(seed_dict, id=2, sticky="1"), dict(seed_dict, id=3)]
    path.write_text(json.dumps(posts), encoding="utf-8")
    return path


def require_corpus() -> Path:
    """The shared corpus folder, or skip the test when it is not beside the repository."""
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not at {CORPUS} (it lives beside the repository)")
    return CORPUS


# -- a live WordPress (tests marked "live"; see docs/live-wordpress.md) ---------------------------


def require_live_packages() -> None:
    """Skip a live test when Debian's WordPress packages are missing (fail if WPPARSE_LIVE=1)."""
    from tests.live_wordpress import INSTALL_HINT, missing_packages

    missing = missing_packages()
    if os.geteuid() != 0:
        missing.append("root (the harness runs MariaDB as the mysql user)")
    if not missing:
        return
    reason = f"needs a live WordPress: missing {', '.join(missing)}; {INSTALL_HINT}"
    if os.environ.get("WPPARSE_LIVE") == "1":
        pytest.fail(f"WPPARSE_LIVE=1, but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def wordpress() -> Iterator[WordPressSite]:
    """A WordPress site on 127.0.0.1 in a named time zone with summer time, seeded."""
    require_live_packages()
    from tests.live_wordpress import running_site

    with running_site("Europe/Bratislava") as site:
        yield site


@pytest.fixture(scope="session")
def wordpress_fixed_offset() -> Iterator[WordPressSite]:
    """A second site, whose time zone is a fixed offset from UTC (+05:30)."""
    require_live_packages()
    from tests.live_wordpress import running_site

    with running_site("+05:30", fixtures=False) as site:
        yield site


@pytest.fixture(scope="session")
def php_block_parser() -> Iterator[PhpBlockParser]:
    """WordPress's block parser, running in one PHP process for the whole session."""
    require_live_packages()
    from tests.live_wordpress import PhpBlockParser

    parser = PhpBlockParser()
    try:
        yield parser
    finally:
        parser.close()
