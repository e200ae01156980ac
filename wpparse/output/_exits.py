"""The command line's exit statuses, and the one rule that picks one.

``wpparse`` and ``wpparse convert`` alike, as ``--help`` and docs/cli.md document them.
"""

from __future__ import annotations

#: Every input read, every item a post.
EXIT_OK = 0
#: Some items were not posts and were skipped, or ``--strict`` stopped at a problem.
EXIT_SKIPPED = 1
#: An input could not be read at all (missing, not JSON, an HTML page, empty), or the output
#: could not be written.
EXIT_UNREADABLE = 2


def exit_status(*, unreadable: int, skipped: int, stopped: bool) -> int:
    """The status for a run that met `unreadable` inputs and `skipped` items.

    ``--strict`` stopping says the most (the run did not finish), then an input not read, then
    items skipped.
    """
    if stopped:
        return EXIT_SKIPPED
    if unreadable:
        return EXIT_UNREADABLE
    return EXIT_SKIPPED if skipped else EXIT_OK
