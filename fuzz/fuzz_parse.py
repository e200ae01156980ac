r"""Coverage-guided fuzzing of wpparse with atheris: parsing, every derived value, blocks.

What one input does is in `fuzz.targets.run_input`; here atheris feeds it inputs, instrumenting
wpparse's code so it can follow new paths. Anything raised but `wpparse.WPParseError` is a
crash, which atheris saves to a file: add that file to ``tests/data/fuzz/`` and
``tests/test_fuzz_regressions.py`` replays it on every test run.

    pip install -e ".[fuzz]"
    python fuzz/fuzz_parse.py -max_total_time=60 /tmp/wpparse-fuzz fuzz/seeds   # a short run
    python fuzz/fuzz_parse.py -max_total_time=3600 -jobs=2 -workers=2 \\
        /tmp/wpparse-fuzz fuzz/seeds                                          # a long one
    python fuzz/fuzz_parse.py crash-<hash>                                     # replay a crash

The first directory collects the inputs atheris finds interesting; ``fuzz/seeds`` holds the
inputs it starts from (the first byte of each chooses its use, see `run_input`).
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

with atheris.instrument_imports():
    import wpparse
    from fuzz.targets import run_input


def test_one_input(data: bytes) -> None:
    """The fuzz target: one input, one use; parse errors are expected, nothing else is."""
    with contextlib.suppress(wpparse.WPParseError):
        run_input(data)


def main() -> None:
    """Run atheris over `test_one_input` with the command line's libFuzzer options."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
