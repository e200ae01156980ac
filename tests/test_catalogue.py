"""The catalogue of real breakage (tests/catalogue/, see its README): each file, as it says."""

from __future__ import annotations

import datetime as dt
import enum
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs
import pytest

import wpparse
from tests.conftest import CORPUS

CATALOGUE = Path(__file__).parent / "catalogue"
GROUPS = ("clean", "warned", "refused")
CASES = sorted(CATALOGUE.glob("*/*.json"))
_TOKEN = re.compile(r"\[([^\]]*)\]|([^.\[\]]+)")


def _load(path: Path) -> dict[str, Any]:
    case: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return case


def _ids(paths: list[Path]) -> list[str]:
    return [f"{path.parent.name}/{path.stem}" for path in paths]


def _cases(group: str) -> list[Path]:
    return [path for path in CASES if path.parent.name == group]


def access(root: Any, accessor: str) -> Any:
    """Follow an accessor such as ``links[wp:term].0.href`` from `root`."""
    value = root
    for key, name in _TOKEN.findall(accessor):
        if key:
            value = value[key]
        elif name == "len()":
            value = len(value)
        elif name.endswith("()"):
            value = getattr(value, name[:-2])()
        elif name.isdigit():
            value = value[int(name)]
        elif isinstance(value, Mapping):
            value = value[name]
        else:
            value = getattr(value, name)
    return value


def plain(value: Any) -> Any:
    """`value` as JSON would hold it: dates as ISO 8601, tuples as lists, enums as values."""
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    assert not attrs.has(type(value)), f"an accessor ends on a model: {value!r}"
    return value


def parse(case: dict[str, Any], *, strict: bool = False, as_bytes: bool = False) -> Any:
    """Call the case's function on its input (its text, its value, or its value's bytes)."""
    call = getattr(wpparse, case.get("call", "parse_post"))
    if "input_text" in case:
        data: Any = case["input_text"]
    elif as_bytes:
        data = json.dumps(case["input"]).encode()
    else:
        data = case["input"]
    return call(data, strict=strict)


def _check_expectations(result: Any, expect: dict[str, Any]) -> None:
    actual = {accessor: plain(access(result, accessor)) for accessor in expect}
    assert actual == expect


def _posts(result: Any) -> list[wpparse.Post]:
    return result if isinstance(result, list) else [result]


def test_the_catalogue_is_there_and_well_formed() -> None:
    assert {path.parent.name for path in CASES} == set(GROUPS)
    assert len(CASES) >= 60
    for path in CASES:
        case = _load(path)
        description = case["description"]
        assert "\n" not in description, path.name
        assert 20 <= len(description) <= 160, path.name
        assert case["source"], path.name
        assert ("input" in case) != ("input_text" in case), path.name
        assert ("warnings" in case) == (path.parent.name == "warned"), path.name
        assert ("error" in case) == (path.parent.name == "refused"), path.name
        assert path.parent.name == "refused" or case.get("expect"), path.name


@pytest.mark.parametrize("path", _cases("clean"), ids=_ids(_cases("clean")))
def test_clean_cases_read_without_warnings(path: Path) -> None:
    case = _load(path)
    result = parse(case)
    _check_expectations(result, case["expect"])
    for post in _posts(result):
        assert post.warnings == ()
        assert wpparse.parse_post(post.to_dict()) == post
    assert parse(case, strict=True) == result
    if "input" in case:
        assert parse(case, as_bytes=True) == result


@pytest.mark.parametrize("path", _cases("warned"), ids=_ids(_cases("warned")))
def test_warned_cases_read_with_exactly_their_warnings(path: Path) -> None:
    case = _load(path)
    post = parse(case)
    _check_expectations(post, case["expect"])
    assert [[problem.path, problem.kind.value] for problem in post.warnings] == case["warnings"]
    # What was worked around is written back as read, and reads back without a problem.
    again = wpparse.parse_post(post.to_dict())
    assert again == attrs.evolve(post, warnings=())
    with pytest.raises(wpparse.WPParseError) as caught:
        parse(case, strict=True)
    assert [problem.path for problem in caught.value.problems] == [
        path for path, _ in case["warnings"]
    ]
    if "input" in case:
        assert parse(case, as_bytes=True) == post


@pytest.mark.parametrize("path", _cases("refused"), ids=_ids(_cases("refused")))
@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
def test_refused_cases_raise_their_error(path: Path, strict: bool) -> None:
    case = _load(path)
    expected = dict(case["error"])
    error_type = getattr(wpparse, expected.pop("type"))
    with pytest.raises(wpparse.WPParseError) as caught:
        parse(case, strict=strict)
    assert type(caught.value) is error_type
    message = expected.pop("message", None)
    if message is not None:
        assert message in str(caught.value)
    _check_expectations(caught.value, expected)


def _manifest_tags() -> set[str]:
    """The kinds of oddity MANIFEST.tsv's automatic tags name (``type=page`` → ``type``)."""
    tags = set()
    for line in (CORPUS / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        _, _, auto = line.rpartition("auto:")
        if not _:
            continue
        for tag in auto.split(";"):
            tag = re.split(r"[=(:]", tag.strip(), maxsplit=1)[0]
            if tag:
                tags.add(tag)
    return tags


def test_every_oddity_the_manifest_names_has_a_catalogue_file() -> None:
    if not (CORPUS / "MANIFEST.tsv").is_file():
        pytest.skip("../shared/corpus/MANIFEST.tsv is not beside the repository")
    covered = {tag for path in CASES for tag in _load(path).get("manifest_tags", [])}
    assert _manifest_tags() <= covered, sorted(_manifest_tags() - covered)
