"""Every example script runs on its shipped sample data and prints what it promises."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).parent.parent / "examples"


def _run(script: str, *args: str) -> list[list[str]]:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stderr == ""
    return [line.split("\t") for line in result.stdout.splitlines()]


def test_titles_and_dates() -> None:
    rows = _run("titles_and_dates.py")
    assert rows == [
        [
            "71191",
            "2026-04-14T08:51:16+07:00",
            "post",
            "Japan’s Tech Titans Just Teamed Up to Build a Trillion-Parameter AI—And It’s Not"
            " Here to Chat",
        ],
        [
            "512",
            "2025-10-26T01:30:00+02:00",
            "post",
            "Café culture returns – and it’s louder than ever",
        ],
        ["42", "2024-07-01T18:00:00+02:00", "page", "Contact & Tips"],
    ]


def test_featured_images_picks_the_largest_size_that_fits() -> None:
    base = "https://news.example.org/wp-content/uploads/2025/10/"
    assert _run("featured_images.py") == [
        ["71191", "media 71192 not embedded (fetch with ?_embed)"],
        ["512", base + "terrace-1024x683.jpg", "A busy terrace"],
        ["42", "no featured image"],
    ]
    assert _run("featured_images.py", "--max-width", "400")[1][1] == base + "terrace-300x200.jpg"
    assert _run("featured_images.py", "--max-width", "100")[1][1] == base + "terrace.jpg"


def test_warnings_report() -> None:
    lines = [" ".join(row) for row in _run("warnings_report.py")]
    assert lines[0] == "3 posts, 1 warnings, 0 items skipped"
    assert lines[1].split() == ["1", "embedded-error", "$._embedded.replies[][]"]
    assert len(lines) == 2


def test_external_links() -> None:
    rows = _run("external_links.py")
    posts = [row for row in rows if row[0]]
    assert [row[0] for row in posts] == ["71191", "512", "42"]
    assert [row[2] for row in posts] == [
        "7 external link(s)",
        "1 external link(s)",
        "1 external link(s)",
    ]
    links = [row for row in rows if not row[0]]
    assert links[0][1:] == [
        "https://www.japantimes.co.jp/business/2026/04/12/companies/softbank-ai-new-firm/",
        "jointly formed a new company (not endorsed)",
    ]
    assert ["", "https://www.example.com/report", "city’s report (not endorsed)"] in rows
    assert not any("news.example.org/2025" in cell for row in rows for cell in row)
