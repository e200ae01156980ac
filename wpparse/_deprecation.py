"""Names and modules that moved: each still works, with a DeprecationWarning naming its place."""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import types
import warnings
from collections.abc import Callable, Mapping, Sequence
from typing import Any

#: Where a moved name is now: the module and the name there, and how to write it now.
Moved = tuple[str, str, str]
# Old module paths and their new ones, as `moved_modules` was given them.
_MOVED_MODULES: dict[str, str] = {}


def moved_names(module: str, moved: Mapping[str, Moved]) -> Callable[[str], Any]:
    """The module ``__getattr__`` of `module` for the names in `moved`, until 0.3."""

    def find_moved(name: str) -> Any:
        found = moved.get(name)
        if found is None:
            new = _MOVED_MODULES.get(f"{module}.{name}")
            if new is not None:  # a module 0.1 imported with its package (``output.records``)
                warnings.warn(_moved_module(f"{module}.{name}", new), DeprecationWarning, 2)
                return importlib.import_module(new)
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        where, attribute, now = found
        warnings.warn(
            f"{module}.{name} is deprecated and will be removed in 0.3: use {now}",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(importlib.import_module(where), attribute)

    return find_moved


class MovedModule(types.ModuleType):
    """What an old module path imports: every attribute is read from the module's new place."""

    def __init__(self, name: str, target: types.ModuleType) -> None:
        super().__init__(name, target.__doc__)
        self.__path__: list[str] = []  # a package, so the old paths of its modules import too
        self._target = target

    def __getattr__(self, name: str) -> Any:
        return getattr(self._target, name)

    def __dir__(self) -> list[str]:
        return dir(self._target)


class MovedModules(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Imports each old module path of `moves` (and those under it) from its new place."""

    def __init__(self, moves: Mapping[str, str]) -> None:
        self._moves = moves

    def _new_name(self, name: str) -> str | None:
        for old, new in self._moves.items():
            if name == old or name.startswith(old + "."):
                return new + name[len(old) :]
        return None

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None = None,
        target: types.ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if self._new_name(fullname) is None:
            return None
        return importlib.machinery.ModuleSpec(fullname, self, is_package=True)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        new = self._new_name(spec.name)
        assert new is not None  # find_spec made this spec only for a moved name
        if self._new_name(spec.name.rpartition(".")[0]) is None:  # (once, for the outermost)
            # The import system's frames are skipped: level 2 is the importer.
            warnings.warn(_moved_module(spec.name, new), DeprecationWarning, stacklevel=2)
        return MovedModule(spec.name, importlib.import_module(new))

    def exec_module(self, module: types.ModuleType) -> None:
        """Nothing to run: the module's code ran at its new place."""


def _moved_module(old: str, new: str) -> str:
    return (
        f"{old} is private and moved to {new}; it will be removed in 0.3: import what you need"
        " from wpparse, wpparse.blocks, wpparse.output or wpparse.typing"
    )


def moved_modules(moves: Mapping[str, str]) -> None:
    """Let each old module path in `moves` (old: new) be imported, with a DeprecationWarning.

    Objects pickled by earlier versions name their classes by those paths, and still load.
    A package whose ``__getattr__`` comes from `moved_names` gives them as attributes too.
    """
    _MOVED_MODULES.update(moves)
    sys.meta_path.append(MovedModules(moves))
