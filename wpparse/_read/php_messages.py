r"""PHP's warnings and notices printed before the JSON, as misconfigured WordPress sites send them.

With ``display_errors`` on, a plugin's warning is printed into the response before the REST
API's JSON: ``<br />\n<b>Warning</b>:  Undefined variable $x in <b>/…/plugin.php</b> on line
<b>12</b><br />\n[{"id": 1, …}]`` (or the same as plain text). The JSON after them is whole;
the messages are reported (`wpparse.ProblemKind.PHP_MESSAGES`), not taken for the page of a
blocked API.
"""

from __future__ import annotations

import re

from wpparse._errors import Problem, ProblemKind

# One message, in PHP's HTML form or its plain-text form; each ends with the line it names.
_MESSAGE = re.compile(
    r"\s*(?:<br\s*/?>\s*)?(?:<b>)?(?:PHP )?"
    r"(?P<level>Warning|Notice|Deprecated|Strict Standards|Fatal error|Recoverable fatal error"
    r"|Parse error|User (?:Warning|Notice|Deprecated))(?:</b>)?:"
    r"(?P<text>[^\n]*? on line (?:<b>)?\d+(?:</b>)?)(?:<br\s*/?>)?[ \t]*"
)
_TAGS = re.compile(r"</?b>")
# A JSON value starts after the messages: an array or an object.
_JSON_START = re.compile(r"\s*[\[{]")
_QUOTED_CHARS = 160


def skip_php_messages(text: str, pos: int = 0) -> tuple[int, Problem | None]:
    """Where JSON starts in `text` after PHP messages at `pos`, and the problem that says so.

    Returns `pos` and None when no message stands there, or when what follows the messages is
    not the start of a JSON array or object (then the text is something else altogether).
    """
    messages = []
    end = pos
    while (match := _MESSAGE.match(text, end)) is not None:
        messages.append(f"{match['level']}: {_TAGS.sub('', match['text']).strip()}")
        end = match.end()
    if not messages or _JSON_START.match(text, end) is None:
        return pos, None
    first = " ".join(messages[0].split())
    if len(first) > _QUOTED_CHARS:
        first = first[: _QUOTED_CHARS - 1] + "…"
    count = f"{len(messages)} PHP messages" if len(messages) > 1 else "a PHP message"
    message = (
        f"the site printed {count} before the JSON ({first!r}); the JSON after "
        f"{'them' if len(messages) > 1 else 'it'} was read"
    )
    return end, Problem("$", ProblemKind.PHP_MESSAGES, message)
