"""Release metadata agrees with itself: the version and the changelog (CI checks the wheel)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import wpparse

ROOT = Path(__file__).parent.parent
CHANGELOG = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
SECTION = re.compile(r"^## \[(?P<version>[^\]]+)\](?: - (?P<date>\S+))?$", re.MULTILINE)


def test_changelog_starts_with_unreleased_then_dated_releases_newest_first() -> None:
    sections = SECTION.findall(CHANGELOG)
    assert sections[0] == ("Unreleased", "")
    releases = sections[1:]
    assert releases, "no release section yet"
    dates = [dt.date.fromisoformat(date) for _, date in releases]
    assert dates == sorted(dates, reverse=True)


def test_every_section_has_a_link_reference() -> None:
    for version, _ in SECTION.findall(CHANGELOG):
        assert re.search(rf"^\[{re.escape(version)}\]: https://", CHANGELOG, re.MULTILINE), version


def test_a_release_version_has_its_dated_section() -> None:
    version = wpparse.__version__
    released = {name for name, _ in SECTION.findall(CHANGELOG)[1:]}
    if ".dev" in version:
        # Between releases: the next version, not yet in the changelog.
        assert version.split(".dev")[0] not in released
    else:
        assert version in released
