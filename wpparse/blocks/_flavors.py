"""Where WordPress's two block parsers disagree: PHP's ``parse_blocks()`` and the editor's JS.

Both run the same algorithm; they differ only in what their regular expression calls white
space, in whether a lone ``"0"`` HTML chunk counts as empty, and in what their JSON decoders
accept (see ``shared/notes/blocks.md``, section 4). Everything that depends on the choice is
gathered here, as one frozen `Rules` value per flavor, so the parser itself has no branches on
the flavor's name.
"""

from __future__ import annotations

from typing import Literal

import attrs

#: ``"php"``: what ``parse_blocks()`` returns on the server (the default); ``"js"``: the editor.
Flavor = Literal["php", "js"]

# PCRE without the /u flag: ``\s`` is ASCII white space only.
PHP_WHITESPACE = "\t\n\x0b\x0c\r "
# ECMAScript ``\s``: WhiteSpace and LineTerminator, the Unicode "Zs" spaces included.
JS_WHITESPACE = (
    "\t\n\x0b\x0c\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)


@attrs.frozen
class Rules:
    r"""What one flavor does where the two parsers differ.

    Attributes:
        whitespace: The characters ``\s`` matches in the delimiter pattern.
        keeps_zero_chunk: Whether an HTML chunk ``"0"`` inside a block is kept (JS) or dropped
            as empty (PHP's ``! empty("0")`` is false).
        max_json_nesting: How many arrays and objects may nest in the attribute JSON, or None
            for no limit (``JSON.parse``). PHP's ``json_decode`` has a depth of 512 and counts
            the inside of the innermost array or object as a level, so 511 may nest.
        rejects_lone_surrogates: Whether a string holding an unpaired UTF-16 surrogate makes
            the JSON invalid (PHP) or is kept (JS).
        int_range: The integers the decoder keeps exact; others become floats (int64 for PHP,
            ±2**53 for JS, whose numbers are all doubles).
        numeric_keys_make_lists: Whether an object whose keys are ``"0"``, ``"1"``, … in order
            (and an empty nested one) is a list. PHP's ``json_decode(…, true)`` makes every
            object a PHP array, and an array whose keys are 0 to n-1 in order is a list once
            encoded as JSON.

    """

    whitespace: str
    keeps_zero_chunk: bool
    max_json_nesting: int | None
    rejects_lone_surrogates: bool
    int_range: tuple[int, int]
    numeric_keys_make_lists: bool


RULES: dict[str, Rules] = {
    "php": Rules(PHP_WHITESPACE, False, 511, True, (-(2**63), 2**63 - 1), True),
    "js": Rules(JS_WHITESPACE, True, None, False, (-(2**53), 2**53), False),
}


def rules_for(flavor: str) -> Rules:
    """The `Rules` of `flavor`; raises ValueError for anything but ``"php"`` and ``"js"``."""
    try:
        return RULES[flavor]
    except KeyError:
        raise ValueError(f"flavor must be 'php' or 'js', not {flavor!r}") from None
