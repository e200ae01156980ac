"""PHP's warnings printed before the JSON: read past, reported, and never taken for a page."""

from __future__ import annotations

import io

import pytest

import wpparse
from wpparse import ErrorKind, ProblemKind, WPParseError

HTML_WARNING = (
    b"<br />\n<b>Warning</b>:  Undefined variable $x in "
    b"<b>/var/www/html/wp-content/plugins/foo/foo.php</b> on line <b>12</b><br />\n"
)
HTML_DEPRECATED = (
    b"<br />\n<b>Deprecated</b>:  Creation of dynamic property Foo::$bar is deprecated in "
    b"<b>/var/www/html/wp-content/plugins/foo/bar.php</b> on line <b>3</b><br />\n"
)
PLAIN_NOTICE = b'PHP Notice:  Undefined index: "x" in /var/www/html/wp-config.php on line 90\n'
POSTS = b'[{"id": 1, "title": {"rendered": "One"}}, {"id": 2}]'


FIRST_WARNING = (
    "Warning: Undefined variable $x in /var/www/html/wp-content/plugins/foo/foo.php on line 12"
)
FIRST_NOTICE = 'Notice: Undefined index: "x" in /var/www/html/wp-config.php on line 90'


@pytest.mark.parametrize(
    ("prefix", "count", "first"),
    [
        pytest.param(HTML_WARNING, "a PHP message", FIRST_WARNING, id="html"),
        pytest.param(HTML_WARNING + HTML_DEPRECATED, "2 PHP messages", FIRST_WARNING, id="two"),
        pytest.param(PLAIN_NOTICE, "a PHP message", FIRST_NOTICE, id="plain"),
    ],
)
def test_the_json_after_php_messages_is_read_and_the_messages_reported(
    prefix: bytes, count: str, first: str
) -> None:
    for posts in (
        wpparse.parse_posts(prefix + POSTS),
        list(wpparse.iter_posts(io.BytesIO(prefix + POSTS))),
    ):
        assert [post.id for post in posts] == [1, 2]
        (problem,) = posts[0].warnings
        assert problem.kind is ProblemKind.PHP_MESSAGES
        assert problem.path == "$"
        assert f"the site printed {count} before the JSON" in problem.message
        assert first in problem.message
        assert posts[1].warnings == ()


def test_one_post_after_a_php_message() -> None:
    post = wpparse.parse_post(HTML_WARNING + b'{"id": 7, "slug": "seven"}')
    assert (post.id, post.slug) == (7, "seven")
    assert [problem.kind for problem in post.warnings] == [ProblemKind.PHP_MESSAGES]


def test_strict_mode_raises_on_php_messages() -> None:
    with pytest.raises(WPParseError, match="PHP message") as raised:
        wpparse.parse_post(HTML_WARNING + b'{"id": 7}', strict=True)
    assert raised.value.kind is ErrorKind.PROBLEMS


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(HTML_WARNING + b"<html><body>Maintenance</body></html>", id="then-html"),
        pytest.param(HTML_WARNING, id="nothing-after"),
        pytest.param(b"<html><b>Warning</b>: the site is down</html>", id="no-line-number"),
    ],
)
def test_a_page_that_is_not_php_messages_before_json_is_still_an_html_page(body: bytes) -> None:
    with pytest.raises(WPParseError) as raised:
        wpparse.parse_post(body)
    assert raised.value.kind is ErrorKind.HTML_PAGE
    with pytest.raises(WPParseError) as raised:
        list(wpparse.iter_posts(io.BytesIO(body)))
    assert raised.value.kind is ErrorKind.HTML_PAGE
