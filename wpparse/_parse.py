"""The entry points: `parse_post`, `parse_posts`, `iter_posts`, and `parse_term` and the like.

`parse_term`, `parse_user`, `parse_comment` and `parse_search_result` read WordPress's other
objects one at a time. They all run the first two stages, read (bytes → JSON values) and
structure (JSON values → `Post` and the like), and decide what happens to problems: recorded
on the object (lenient, the default) or raised as one `WPParseError` (strict).
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, TypeAlias, TypeVar

from wpparse._errors import (
    ErrorKind,
    Problem,
    SkippedItemWarning,
    WPAPIError,
    WPParseError,
    warn_caller,
)
from wpparse._limits import DEFAULT_LIMITS, Limits
from wpparse._read import Source, StreamItem, decode_json, iter_json_items, open_source
from wpparse._structure.embedded import (
    Comment,
    Term,
    User,
    error_status,
    is_error_object,
    read_comment,
    read_term,
    read_user,
)
from wpparse._structure.post import Post, read_post
from wpparse._structure.problems import ProblemLog, json_type, top_level_key
from wpparse._structure.search import SearchResult, read_search_result

#: What `parse_post` (and `parse_term` and the like) accepts, one object: a decoded JSON object,
#: JSON text (``str``), JSON bytes, a path (`os.PathLike`; a ``str`` is always JSON text here),
#: or a file object.
PostJSON: TypeAlias = (
    Mapping[str, Any]
    | str
    | bytes
    | bytearray
    | memoryview
    | os.PathLike[str]
    | IO[bytes]
    | IO[str]
)
#: What `parse_posts` accepts, a collection (``/wp/v2/posts`` returns one): any `PostJSON`, or
#: a list of decoded JSON values.
CollectionJSON: TypeAlias = PostJSON | Iterable[Any]
#: Called with the error for each item that lenient parsing skips.
SkippedItemHandler: TypeAlias = Callable[[WPParseError], None]


def parse_post(data: PostJSON, *, strict: bool = False, limits: Limits | None = None) -> Post:
    """Parse one post, page, custom post type item or attachment.

    Args:
        data: The object as decoded JSON (a dict), JSON text, JSON bytes (UTF-8, a BOM
            tolerated), a path, or a file object. A ``str`` is always JSON text and a path is
            an `os.PathLike` (``pathlib.Path("post.json")``); a ``str`` that is not JSON but
            names a file gets an error saying so.
        strict: Raise on any problem instead of recording it in ``post.warnings``.
        limits: Caps on size, nesting and HTML tags (`wpparse.Limits`; safe defaults).

    Returns:
        The post. In lenient mode, values of the wrong type are converted where their meaning
        is clear and left out where it is not, each recorded in ``post.warnings``.

    Raises:
        WPAPIError: `data` is a WordPress error object (``{"code", "message", "data"}``).
        WPParseError: `data` is not a post at all (not JSON, an HTML page, truncated, an array,
            a scalar, nested too deeply, larger than ``limits.max_size``), or, with
            ``strict=True``, has any problem; the error lists every problem with its JSON path.

    """
    try:
        limits = limits or DEFAULT_LIMITS
        value, decode_problems = _decode_one(data, limits.max_size, "parse_post")
        return post_from_value(value, strict=strict, problems=decode_problems, limits=limits)
    except WPParseError as error:
        # Everything but a strict refusal of a post's problems means the input is not a post.
        error.whole_input = not error.problems or isinstance(error, WPAPIError)
        raise


def parse_term(data: PostJSON, *, strict: bool = False, limits: Limits | None = None) -> Term:
    """Parse one term (``/wp/v2/categories``, ``/wp/v2/tags``, a custom taxonomy's route).

    Takes what `parse_post` takes, and treats problems the same way: recorded in
    ``term.warnings`` (lenient), or raised as one `WPParseError` (``strict=True``).
    """
    return _parse_one(data, read_term, "term", strict, limits)


def parse_user(data: PostJSON, *, strict: bool = False, limits: Limits | None = None) -> User:
    """Parse one user (``/wp/v2/users``); the edit context's fields are kept in ``extra``.

    Takes what `parse_post` takes, and treats problems the same way.
    """
    return _parse_one(data, read_user, "user", strict, limits)


def parse_comment(data: PostJSON, *, strict: bool = False, limits: Limits | None = None) -> Comment:
    """Parse one comment (``/wp/v2/comments``); its content's derived values work as a post's.

    Takes what `parse_post` takes, and treats problems the same way.
    """
    return _parse_one(data, read_comment, "comment", strict, limits)


def parse_search_result(
    data: PostJSON, *, strict: bool = False, limits: Limits | None = None
) -> SearchResult:
    """Parse one result of ``/wp/v2/search``.

    Takes what `parse_post` takes, and treats problems the same way.
    """
    return _parse_one(data, read_search_result, "search result", strict, limits)


_Object = TypeVar("_Object", Term, User, Comment, SearchResult)


def _parse_one(
    data: PostJSON,
    read: Callable[[Mapping[str, Any], str, ProblemLog], _Object],
    noun: str,
    strict: bool,
    limits: Limits | None,
) -> _Object:
    try:
        limits = limits or DEFAULT_LIMITS
        value, decode_problems = _decode_one(data, limits.max_size, f"parse_{_function(noun)}")
        return _structure(value, read, noun, strict, None, decode_problems, limits)
    except WPParseError as error:
        error.whole_input = not error.problems or isinstance(error, WPAPIError)
        raise


def parse_posts(
    data: CollectionJSON,
    *,
    strict: bool = False,
    on_error: SkippedItemHandler | None = None,
    limits: Limits | None = None,
) -> list[Post]:
    """Parse a collection response (a JSON array of posts), or any input `iter_posts` reads.

    Args:
        data: A list of decoded JSON objects, or JSON text or bytes holding an array, a single
            object or JSON Lines, or a path (an `os.PathLike`) or file object (as for
            `iter_posts`). A ``str`` is always JSON text, as for `parse_post`.
        strict: Raise on the first problem instead of recording it.
        on_error: In lenient mode, called with the error for each item that is skipped because
            it is not a post; by default a `SkippedItemWarning` is issued instead.
        limits: Caps on size, nesting and HTML tags (`wpparse.Limits`; safe defaults).

    Returns:
        The posts, in input order. In lenient mode an item that is not a post is skipped and
        reported, and the others are kept.

    Raises:
        WPAPIError: the whole input is one WordPress error object.
        WPParseError: the whole input is not posts at all (an HTML page, a JSON scalar, …), or,
            with ``strict=True``, any item has any problem.

    """
    limits = limits or DEFAULT_LIMITS
    if isinstance(data, str | bytes | bytearray | memoryview):
        items = _memory_items(data, limits.max_size)
    elif isinstance(data, Mapping):
        return [post_from_value(data, strict=strict, limits=limits)]
    elif isinstance(data, os.PathLike) or hasattr(data, "read"):
        source: Source = data  # type: ignore[assignment]
        return list(iter_posts(source, strict=strict, on_error=on_error, limits=limits))
    else:
        items = (StreamItem(i, 1, value=value, in_array=True) for i, value in enumerate(data))
    try:
        return [post for _, post in _posts_from_items(items, "", strict, on_error, limits)]
    except WPParseError as error:
        if (
            error.whole_input
            and isinstance(data, str)
            and (hint := _path_hint(data, "parse_posts"))
        ):
            raise error.with_hint(hint) from None
        raise


def iter_posts(
    source: Source,
    *,
    strict: bool = False,
    on_error: SkippedItemHandler | None = None,
    limits: Limits | None = None,
) -> Iterator[Post]:
    """Yield the posts of a file or stream one at a time, in constant memory.

    Args:
        source: A path, as a ``str`` or an `os.PathLike` (``"-"`` for standard input; ``.gz``
            files are decompressed), or a file object in binary or text mode. Here a ``str``
            is always a path: JSON text goes to `parse_posts` (a ``str`` that looks like JSON
            and names no file gets an error saying so). It may hold a JSON array (read element
            by element, never whole), a single object, JSON Lines, or several of these one after
            another.
        strict: Raise on the first problem instead of recording it.
        on_error: In lenient mode, called with the error (its ``location`` names the file, line
            and item) for each item that is skipped; by default a `SkippedItemWarning` is issued.
        limits: Caps on size, nesting and HTML tags (`wpparse.Limits`; safe defaults); a
            stream item larger than ``limits.max_size`` is skipped and reported.

    Yields:
        Each post, in input order.

    Raises:
        WPAPIError: the whole input is one WordPress error object.
        WPParseError: the source cannot be read, the whole input is not posts at all, or, with
            ``strict=True``, any item has any problem.

    """
    if isinstance(source, str) and source.lstrip()[:1] in ("{", "[") and not Path(source).exists():
        preview = source if len(source) <= 40 else source[:39] + "…"
        raise WPParseError(
            f"iter_posts reads a str as a path ('-' for standard input), and no file is named"
            f" {preview!r}; it looks like JSON text: pass it to parse_posts, or wrap it in"
            " io.StringIO",
            whole_input=True,
            kind=ErrorKind.UNREADABLE,
        )
    for _, post in iter_located_posts(source, strict=strict, on_error=on_error, limits=limits):
        yield post


def iter_located_posts(
    source: Source,
    *,
    strict: bool = False,
    on_error: SkippedItemHandler | None = None,
    limits: Limits | None = None,
) -> Iterator[tuple[str, Post]]:
    """Like `iter_posts`, yielding ``(location, post)``; location is ``"FILE: line L, item I"``."""
    limits = limits or DEFAULT_LIMITS
    with open_source(source) as (stream, name):
        items = iter_json_items(stream, max_value_chars=limits.max_size)
        yield from _posts_from_items(items, name, strict, on_error, limits)


def api_error(
    value: Mapping[str, Any], location: str | None, status: int | None = None
) -> WPAPIError:
    """The `WPAPIError` for an error object, with its ``additional_errors`` that are errors.

    The status is the one in the object's ``data``, or `status` (the HTTP status it came with).
    """
    data = value.get("data")
    additional = value.get("additional_errors")
    others = [
        api_error(item, location)
        for item in (additional if isinstance(additional, list) else ())
        if isinstance(item, Mapping) and is_error_object(item)
    ]
    return WPAPIError(
        value["code"],
        value["message"],
        status if (found := error_status(value)) is None else found,
        data if isinstance(data, dict) else None,
        location=location,
        additional_errors=others,
    )


def post_from_value(
    value: Any,
    *,
    strict: bool = False,
    location: str | None = None,
    problems: Iterable[Problem] = (),
    limits: Limits | None = None,
) -> Post:
    """Structure a decoded JSON value as a post (the step after reading).

    Raises:
        WPAPIError: `value` is a WordPress error object.
        WPParseError: `value` is not a JSON object, or `strict` and there are problems.

    """
    return _structure(value, read_post, "post", strict, location, problems, limits)


_Read = TypeVar("_Read", Post, Term, User, Comment, SearchResult)


def _structure(
    value: Any,
    read: Callable[[Mapping[str, Any], str, ProblemLog], _Read],
    noun: str,
    strict: bool,
    location: str | None,
    problems: Iterable[Problem],
    limits: Limits | None,
) -> _Read:
    """Structure a decoded JSON value with `read`, applying the lenient or strict policy."""
    if not isinstance(value, Mapping):
        raise WPParseError(
            _not_an_object(value, noun), location=location, kind=ErrorKind.NOT_AN_OBJECT
        )
    if is_error_object(value):
        raise api_error(value, location)
    log = ProblemLog(limits or DEFAULT_LIMITS)
    found = read(value, "$", log)
    if log.problems:
        # Report problems in the order of the input's fields, whatever order they were read in.
        order = {key: index for index, key in enumerate(value)}
        log.problems.sort(key=lambda problem: order.get(top_level_key(problem.path) or "", -1))
    log.problems[:0] = problems
    if strict and log.problems:
        count = len(log.problems)
        what = f"{noun} {found.id}" if found.id is not None else f"the {noun}"
        raise WPParseError(
            f"{what} has {count} problem{'s' if count != 1 else ''}",
            log.problems,
            location=location,
        )
    # The object is frozen; its warnings are set once, after every field has been read.
    object.__setattr__(found, "warnings", tuple(log.problems))
    return found


def _decode_one(data: PostJSON, max_size: int, function: str) -> tuple[Any, tuple[Problem, ...]]:
    if isinstance(data, str | bytes | bytearray | memoryview):
        _check_size(len(data) if not isinstance(data, memoryview) else data.nbytes, max_size)
        try:
            return decode_json(data)
        except WPParseError as error:
            if isinstance(data, str) and (hint := _path_hint(data, function)):
                raise error.with_hint(hint) from None
            raise
    if isinstance(data, Mapping) or not (isinstance(data, os.PathLike) or hasattr(data, "read")):
        # A decoded JSON value: an object is a post; anything else (a list from a collection
        # response, say) is refused by post_from_value with a message that says what it is.
        return data, ()
    with open_source(data) as (stream, _name):
        document = stream.read(max_size + 1)
    _check_size(len(document), max_size)
    return decode_json(document)


def _path_hint(text: str, function: str) -> str | None:
    """What to say when the text `function` took for JSON looks like a file's name."""
    if len(text) > 4096 or "\n" in text or text.lstrip()[:1] in ("{", "[", '"', "<", ""):
        return None
    if Path(text).is_file():
        return (
            f"{function} reads a str as JSON text, and {text!r} names a file: to read it, pass"
            f" a path, {function}(pathlib.Path({text!r})), or use iter_posts({text!r})"
        )
    if text.endswith((".json", ".jsonl", ".gz", ".ndjson")):
        return f"{function} reads a str as JSON text; to read a file, pass a pathlib.Path"
    return None


def _check_size(size: int, max_size: int) -> None:
    if size > max_size:
        raise WPParseError(
            f"the input is larger than Limits.max_size ({max_size:,}); to read a document this"
            " large, pass limits=wpparse.Limits(max_size=...)",
            kind=ErrorKind.TOO_LARGE,
        )


def _memory_items(
    data: str | bytes | bytearray | memoryview, max_size: int
) -> Iterator[StreamItem]:
    """The items of JSON held in memory: one `json.loads` when it is a small single document."""
    value: Any = None
    problems: tuple[Problem, ...] | None = None
    size = data.nbytes if isinstance(data, memoryview) else len(data)
    if size <= max_size:
        with contextlib.suppress(WPParseError):
            value, problems = decode_json(data)
    if problems is None or problems:
        # JSON Lines, concatenated documents, damaged JSON, undecodable bytes or more than
        # max_size: the stream reader finds every value it can, reports the rest on the items
        # they belong to, and holds each item to the size limit.
        stream: IO[Any] = io.StringIO(data) if isinstance(data, str) else io.BytesIO(data)
        yield from iter_json_items(stream, max_value_chars=max_size)
        return
    if not isinstance(value, list):
        yield StreamItem(0, 1, value=value, problems=problems)
        return
    for index, item in enumerate(value):
        yield StreamItem(index, 1, value=item, problems=problems, in_array=True)


def _not_an_object(value: Any, noun: str = "post") -> str:
    if isinstance(value, list):
        advice = (
            "use parse_posts or iter_posts for lists"
            if noun == "post"
            else f"parse each item of a list on its own ([wpparse.parse_{_function(noun)}(item)"
            " for item in items])"
        )
        return (
            f"expected one {noun} (a JSON object), found an array of {len(value)} items; {advice}"
        )
    return f"expected a {noun} (a JSON object), found {json_type(value)}"


def _function(noun: str) -> str:
    return noun.replace(" ", "_")


def post_from_item(
    item: StreamItem,
    location: str,
    *,
    strict: bool = False,
    only_value: bool = False,
    limits: Limits | None = None,
) -> Post:
    """Structure one item of a stream (the step `iter_posts` takes for each).

    Args:
        item: The item, as `wpparse._read.iter_json_items` yields it.
        location: Where it was, for errors (`item_location` gives it).
        strict: Raise on any problem instead of recording it.
        only_value: The item is its input's only value (the reader looked ahead).
        limits: Caps on nesting and HTML tags (`wpparse.Limits`; safe defaults).

    Raises:
        WPParseError: the item is not a post, or `strict` and it has problems. Its
            ``whole_input`` is set when `only_value` and the value is not a post at all (an
            error response, an HTML page): then the input as a whole is not posts.

    """
    try:
        if item.error is not None:
            raise WPParseError(
                item.error.summary,
                item.error.problems,
                location=location,
                kind=item.error.kind,
            )
        return post_from_value(
            item.value, strict=strict, location=location, problems=item.problems, limits=limits
        )
    except WPParseError as error:
        if only_value and _may_be_whole_input(item, error):
            error.whole_input = True
        raise


def item_location(name: str, item: StreamItem) -> str:
    """Where `item` is: ``"FILE: line L, item I"``, or ``"item I"`` for unnamed data."""
    where = f"line {item.line}, item {item.index}" if name else f"item {item.index}"
    return f"{name}: {where}" if name else where


def _may_be_whole_input(item: StreamItem, error: WPParseError) -> bool:
    # The input's first value is not a post: if it is also its only value, the input as a whole
    # is not posts (an error response, an HTML page), an error in any mode, not an item to skip.
    return item.index == 0 and not item.in_array and (item.error is not None or not error.problems)


def _posts_from_items(
    items: Iterator[StreamItem],
    name: str,
    strict: bool,
    on_error: SkippedItemHandler | None,
    limits: Limits,
) -> Iterator[tuple[str, Post]]:
    """Turn stream items into posts, applying the lenient or strict policy to each failure."""
    pending: list[StreamItem] = []
    while True:
        item = pending.pop() if pending else next(items, None)
        if item is None:
            return
        location = item_location(name, item)
        try:
            post = post_from_item(item, location, strict=strict, limits=limits)
        except WPParseError as error:
            if _may_be_whole_input(item, error):
                # Look ahead only now, so that a stream's posts come as soon as they are read.
                following = next(items, None)
                if following is None:
                    error.whole_input = True
                    raise
                pending.append(following)
            if strict:
                raise
            _report(error, on_error)
        else:
            yield location, post


def _report(error: WPParseError, on_error: SkippedItemHandler | None) -> None:
    if on_error is not None:
        on_error(error)
    else:
        warn_caller(str(error), SkippedItemWarning)
