"""``python -m wpparse``: the same as the ``wpparse`` command."""

from wpparse.output.cli import run

run()
