"""The package's layout holds what docs/architecture.md says of it."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

import wpparse

PACKAGE = Path(wpparse.__file__).parent
# Stages in the order a post flows through them. _errors.py and _limits.py are shared by all;
# _parse.py runs the first two; __init__ and __main__ are the public face and may import anything.
STAGE_ORDER = {
    "_errors": 0,
    "_limits": 0,
    "_read": 1,
    "blocks": 2,
    "_structure": 3,
    "_parse": 4,
    "_normalize": 5,
    "output": 6,
}


def _stage(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "wpparse" or len(parts) < 2:
        return None
    return parts[1] if parts[1] in STAGE_ORDER else None


def _imports(path: Path) -> set[str]:
    """Every module `path` imports, relative imports resolved, ``from a import b`` as ``a.b``."""
    package = ["wpparse", *path.relative_to(PACKAGE).parent.parts]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def _modules() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if path.stem not in {"__main__"})


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_stage_imports_a_later_one(path: Path) -> None:
    relative = path.relative_to(PACKAGE)
    own = relative.parts[0].removesuffix(".py")
    if own not in STAGE_ORDER:
        return  # __init__.py and _version.py
    for module in _imports(path):
        stage = _stage(module)
        if stage is not None:
            assert STAGE_ORDER[stage] <= STAGE_ORDER[own], f"{relative} imports {module}"


def test_every_stage_is_a_package() -> None:
    for stage in ("_read", "_structure", "_normalize", "output"):
        assert (PACKAGE / stage / "__init__.py").is_file()


def _isort_order(name: str) -> tuple[bool, bool, str]:
    # ruff's RUF022 order: CONSTANTS, then Classes, then the rest, each sorted.
    return (not name.isupper(), not name[:1].isupper(), name)


def test_public_api_is_exported_and_documented() -> None:
    assert sorted(wpparse.__all__, key=_isort_order) == wpparse.__all__
    for name in wpparse.__all__:
        value = getattr(wpparse, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            assert inspect.getdoc(value), f"wpparse.{name} has no docstring"
    assert (PACKAGE / "py.typed").is_file()


def test_models_are_frozen_and_slotted() -> None:
    for name in (
        "Post",
        "Rendered",
        "Title",
        "Excerpt",
        "Content",
        "Link",
        "Links",
        "Embedded",
        "User",
        "Term",
        "Comment",
        "MediaDetails",
        "ImageSize",
        "Problem",
        "ContentLink",
        "Image",
        "SrcsetCandidate",
        "MediaEmbed",
        "Heading",
    ):
        cls = getattr(wpparse, name)
        assert "__slots__" in cls.__dict__, name
        assert cls.__setattr__ is not object.__setattr__, name
