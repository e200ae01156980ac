"""Names and modules that moved: each still works, with a DeprecationWarning naming its place."""

from __future__ import annotations

import importlib
import importlib.machinery
import sys
import types
import warnings

# Only what the import system has loaded already, or nearly: this module is imported first of
# all (see wpparse/_moved.py), and the sooner it is done the smaller the window in which another
# thread could look for an old path before it is known. (typing takes tens of milliseconds;
# mypy reads this constant as True.)
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence
    from typing import Any

#: Where a moved name is now: the module and the name there, and how to write it now.
Moved = tuple[str, str, str]


def moved_names(module: str, moved: Mapping[str, Moved]) -> Callable[[str], Any]:
    """The module ``__getattr__`` of `module` for the names in `moved`, until 0.3."""

    def find_moved(name: str) -> Any:
        found = moved.get(name)
        if found is None:
            new = OLD_PATHS.moves.get(f"{module}.{name}")
            if new is not None:  # a module 0.1 imported with its package (``output.records``)
                warnings.warn(_moved_module(f"{module}.{name}", new), DeprecationWarning, 2)
                imported = importlib.import_module(new)
                # Kept as the attribute: `from wpparse.output import records` asks twice.
                setattr(sys.modules[module], name, imported)
                return imported
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        where, attribute, now = found
        warnings.warn(
            f"{module}.{name} is deprecated and will be removed in 0.3: use {now}",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(importlib.import_module(where), attribute)

    return find_moved


class OldPaths:
    """The import system's finder and loader for old module paths.

    An old path imports the very module at its new path, so patching through it
    (``mock.patch("wpparse.output.records._iso")``), star imports, ``help()`` and pickles see
    that module. It comes first in `sys.meta_path`: a package's ``__path__`` would otherwise let
    the path finder load a second copy of a module under its old name.
    """

    def __init__(self) -> None:
        self.moves: dict[str, str] = {}  # old path: new path
        self._roots: set[str] = set()  # the top-level packages of the old paths
        self._specs: dict[str, importlib.machinery.ModuleSpec | None] = {}

    def add(self, moves: Mapping[str, str]) -> None:
        """Let each old path in `moves` (old: new), and every path under it, import."""
        self.moves.update(moves)
        self._roots.update(old.partition(".")[0] for old in moves)

    def new_name(self, name: str) -> str | None:
        """Where the module at old path `name` is now (None if `name` did not move)."""
        if name.partition(".")[0] not in self._roots:
            return None  # (every import in the process asks: most go no further)
        parts = name.split(".")
        for end in range(len(parts), 0, -1):
            new = self.moves.get(".".join(parts[:end]))
            if new is not None:
                return ".".join([new, *parts[end:]])
        return None

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None = None,
        target: types.ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        """A spec for `fullname` if it is an old path (`create_module` finds the module)."""
        if self.new_name(fullname) is None:
            return None
        # Nothing is imported here: the import system holds its global lock while it asks the
        # finders, and an import would wait for a package another thread is importing (which
        # waits for that lock). A package keeps its own __path__, so the spec needs no more.
        loader: Any = self  # a loader by protocol, not by importlib.abc's base class
        return importlib.machinery.ModuleSpec(fullname, loader)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        """The module at the new path, imported; a DeprecationWarning at the importer."""
        new = self.new_name(spec.name)
        assert new is not None  # find_spec made this spec only for a moved name
        if self.new_name(spec.name.rpartition(".")[0]) is None:  # once, for the outermost
            # The import system's frames are skipped: level 2 is the importer.
            warnings.warn(_moved_module(spec.name, new), DeprecationWarning, stacklevel=2)
        try:
            module = importlib.import_module(new)
        except ModuleNotFoundError as error:
            if error.name != new:
                raise
            # Named by the path asked for, so `from wpparse.structure import X` says it has no X.
            raise ModuleNotFoundError(f"No module named {spec.name!r}", name=spec.name) from None
        # The import system sets `spec` as the module's __spec__ next: exec_module puts its own
        # back.
        self._specs[module.__name__] = module.__spec__
        return module

    def exec_module(self, module: types.ModuleType) -> None:
        """Nothing to run (the module ran at its new path); its own __spec__ goes back."""
        module.__spec__ = self._specs.pop(module.__name__)


def _moved_module(old: str, new: str) -> str:
    return (
        f"{old} is private and moved to {new}; it will be removed in 0.3: import what you need"
        " from wpparse, wpparse.blocks, wpparse.output or wpparse.typing"
    )


#: The one finder of old paths (a reloaded package adds its moves to it, not a second one).
OLD_PATHS = OldPaths()


def moved_modules(moves: Mapping[str, str]) -> None:
    """Let each old module path in `moves` (old: new) be imported, with a DeprecationWarning.

    Objects pickled by earlier versions name their classes by those paths, and still load.
    A package whose ``__getattr__`` comes from `moved_names` gives them as attributes too.
    """
    OLD_PATHS.add(moves)
    if OLD_PATHS not in sys.meta_path:
        sys.meta_path.insert(0, OLD_PATHS)
