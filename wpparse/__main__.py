"""``python -m wpparse``: the same as the ``wpparse`` command."""

from wpparse.output._cli import run

run()
