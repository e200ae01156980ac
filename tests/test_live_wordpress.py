"""wpparse against a real WordPress: what it reads equals what WordPress holds.

The site (see `tests/live_wordpress.py`) runs from Debian's packages on 127.0.0.1 and is seeded
as a user's site would be. WordPress is the oracle: its REST responses are the input, and what
it holds (read with its own PHP functions), its JSON Schemas, its block parser and its excerpts
are what wpparse's results are checked against.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import unicodedata
import zoneinfo
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wpparse
from tests.live_wordpress import LIVE_DIR, PhpBlockParser, Response, WordPressSite

pytestmark = pytest.mark.live

CONTEXTS = ["view", "embed", "edit"]
# Routes that give posts (of any type), as templates over the seed's ids.
POST_ROUTES = [
    "/wp/v2/posts",
    "/wp/v2/pages",
    "/wp/v2/media",
    "/wp/v2/books",
    "/wp/v2/posts/{first}",
    "/wp/v2/pages/{child}",
    "/wp/v2/media/{image}",
    "/wp/v2/books/{dune}",
    "/wp/v2/posts/{first}/revisions",
    "/wp/v2/posts/{first}/autosaves",
]
# Reading revisions and autosaves needs the right to edit the post, in every context.
_NEEDS_AUTH = ("revisions", "autosaves")


def _route(template: str, seed: dict[str, Any]) -> str:
    ids = {**seed["posts"], **seed["pages"], **seed["books"], "image": seed["image"]}
    return template.format(**ids)


def _get(site: WordPressSite, route: str, context: str, **params: Any) -> Response:
    auth = context == "edit" or any(part in route for part in _NEEDS_AUTH)
    collection = not route.rstrip("/").split("/")[-1].isdigit()
    if collection and "revisions" not in route and "autosaves" not in route:
        params.setdefault("per_page", 100)
        if auth and "media" not in route:  # attachments have no drafts
            params.setdefault("status", "any")
    response = site.api(route, auth=auth, context=context, **params)
    assert response.status == 200, response.body[:300]
    return response


def _every_page(site: WordPressSite, route: str, context: str, **params: Any) -> bytes:
    """All pages of a collection, as one JSON array (WordPress sends at most 100 a page)."""
    items: list[Any] = []
    page, pages = 1, 1
    while page <= pages:
        response = _get(site, route, context, page=page, **params)
        pages = int(response.headers["x-wp-totalpages"])
        items.extend(response.json())
        page += 1
    return json.dumps(items).encode()


def _items(response: Response) -> list[dict[str, Any]]:
    value = response.json()
    return value if isinstance(value, list) else [value]


@pytest.fixture(scope="module")
def holdings(wordpress: WordPressSite) -> dict[int, dict[str, Any]]:
    """What WordPress holds for each post, read with its own PHP functions."""
    held = json.loads(wordpress.php_file(LIVE_DIR / "holdings.php"))
    return {int(key): value for key, value in held.items()}


# -- every route, every context: no exception, no warning, WordPress's values --------------------


@pytest.mark.parametrize("embed", [False, True], ids=["plain", "embed"])
@pytest.mark.parametrize("context", CONTEXTS)
@pytest.mark.parametrize("template", POST_ROUTES)
def test_every_post_route_parses_without_a_warning(
    wordpress: WordPressSite, template: str, context: str, embed: bool
) -> None:
    route = _route(template, wordpress.seed)
    response = _get(wordpress, route, context, **({"_embed": "1"} if embed else {}))
    items = _items(response)
    posts = wpparse.parse_posts(response.body)  # a SkippedItemWarning would fail the test
    assert [post.id for post in posts] == [item["id"] for item in items]
    assert len(posts) > 0
    for post in posts:
        assert post.warnings == (), (route, context, [str(p) for p in post.warnings])
        assert wpparse.parse_post(post.to_dict()) == post
    if embed and any("_embedded" in item for item in items):
        assert any(post.embedded is not None for post in posts)


OTHER_ROUTES = [
    ("/wp/v2/comments", wpparse.parse_comment),
    ("/wp/v2/comments/{reply}", wpparse.parse_comment),
    ("/wp/v2/users", wpparse.parse_user),
    ("/wp/v2/users/{alice}", wpparse.parse_user),
    ("/wp/v2/categories", wpparse.parse_term),
    ("/wp/v2/categories/{world}", wpparse.parse_term),
    ("/wp/v2/tags", wpparse.parse_term),
    ("/wp/v2/genres", wpparse.parse_term),
    ("/wp/v2/genres/{scifi}", wpparse.parse_term),
    ("/wp/v2/search", wpparse.parse_search_result),
]


# WordPress's search route has no edit context (it answers 400).
_OTHER_CASES = [
    pytest.param(template, parse, context, id=f"{template}-{context}")
    for template, parse in OTHER_ROUTES
    for context in CONTEXTS
    if not (template == "/wp/v2/search" and context == "edit")
]


@pytest.mark.parametrize("embed", [False, True], ids=["plain", "embed"])
@pytest.mark.parametrize(("template", "parse", "context"), _OTHER_CASES)
def test_every_other_route_parses_without_a_warning(
    wordpress: WordPressSite, template: str, parse: Any, context: str, embed: bool
) -> None:
    seed = wordpress.seed
    ids = {**seed["comments"], **seed["users"], **seed["categories"], **seed["genres"]}
    route = template.format(**ids)
    params: dict[str, Any] = {"_embed": "1"} if embed else {}
    if route == "/wp/v2/comments" and context == "edit":
        params["status"] = "all"  # the pending comment too
    response = _get(wordpress, route, context, **params)
    items = _items(response)
    assert items
    validator = _validator(wordpress, re.sub(r"/\d+$", "", route))
    for item in items:
        found = parse(json.dumps(item))
        assert found.warnings == (), (route, context, [str(p) for p in found.warnings])
        assert found.id == item["id"]
        assert parse(found.to_dict()) == found
        # Valid against WordPress's schema for the route wherever WordPress's own object is.
        theirs = {error.message for error in validator.iter_errors(item)}
        ours = {error.message for error in validator.iter_errors(found.to_dict())}
        assert ours <= theirs, (found.id, sorted(ours - theirs)[:3])
        for name in ("slug", "name", "url", "type"):
            if name in item and hasattr(found, name):
                assert getattr(found, name) == item[name]


@pytest.mark.parametrize("fields", ["id,title", "id,date,date_gmt,link", "id,_links"])
def test_fields_subsets_parse_without_a_warning(wordpress: WordPressSite, fields: str) -> None:
    response = _get(wordpress, "/wp/v2/posts", "view", _fields=fields)
    posts = wpparse.parse_posts(response.body)
    assert posts
    assert all(post.warnings == () for post in posts)
    if "title" in fields:
        assert all(post.title is not None and post.date is None for post in posts)


def _local(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value)


def _offset(site: WordPressSite, local: dt.datetime) -> dt.timedelta:
    """The site's UTC offset at `local` time, worked out apart from WordPress and wpparse."""
    zone = site.seed["timezone"]
    match = re.fullmatch(r"([+-])(\d\d):(\d\d)", zone)
    if match:
        sign = -1 if match.group(1) == "-" else 1
        return sign * dt.timedelta(hours=int(match.group(2)), minutes=int(match.group(3)))
    offset = local.replace(tzinfo=zoneinfo.ZoneInfo(zone)).utcoffset()
    assert offset is not None
    return offset


def _check_dates(site: WordPressSite, post: wpparse.Post, held: dict[str, Any]) -> None:
    for name in ("date", "modified"):
        value, gmt = getattr(post, name), getattr(post, f"{name}_gmt")
        assert value is not None
        assert value.replace(tzinfo=None) == _local(held[name])
        if held[f"{name}_gmt"].startswith("0000"):
            continue  # a draft: WordPress has no time in UTC yet
        assert gmt == _local(held[f"{name}_gmt"]).replace(tzinfo=dt.UTC)
        assert value.utcoffset() == _offset(site, _local(held[name]))
        assert value == gmt


def test_what_wpparse_reads_is_what_wordpress_holds(
    wordpress: WordPressSite, holdings: dict[int, dict[str, Any]]
) -> None:
    checked = 0
    for route in ("/wp/v2/posts", "/wp/v2/pages", "/wp/v2/books", "/wp/v2/media"):
        for post in wpparse.parse_posts(_every_page(wordpress, route, "edit", _embed="1")):
            assert post.id is not None
            held = holdings[post.id]
            assert (post.slug or "", post.status, post.type) == (
                held["slug"],
                held["status"],
                held["type"],
            )
            _check_dates(wordpress, post, held)
            assert post.author == held["author"]
            assert post.featured_media == (held["featured_media"] or None)
            if post.type == "post":
                assert post.sticky is held["sticky"]
                assert post.meta is not None
                assert post.meta["wpparse_rating"] == held["rating"]
            if post.type == "book":
                assert post.meta is not None
                assert post.meta["isbn"] == held["isbn"]
            if post.type == "page":
                assert (post.parent or 0, post.menu_order) == (held["parent"], held["menu_order"])
            for base, terms in held["terms"].items():
                assert post.terms.get(base, ()) == tuple(term["id"] for term in terms), base
            embedded_names = sorted(
                term.name_text or ""
                for term in (post.embedded.all_terms() if post.embedded else ())
            )
            held_names = sorted(term["name"] for terms in held["terms"].values() for term in terms)
            assert embedded_names == held_names
            checked += 1
    assert checked >= len(wordpress.seed["fixtures"]) + 10


def test_dates_on_both_sides_of_a_change_to_summer_time(
    wordpress: WordPressSite, holdings: dict[int, dict[str, Any]]
) -> None:
    seed = wordpress.seed["posts"]
    before, after, winter = (
        wpparse.parse_post(_get(wordpress, f"/wp/v2/posts/{seed[name]}", "view").body)
        for name in ("first", "second", "winter")
    )
    assert before.date is not None
    assert after.date is not None
    assert winter.date is not None
    assert before.date.utcoffset() == dt.timedelta(hours=1)
    assert after.date.utcoffset() == dt.timedelta(hours=2)
    assert winter.date.utcoffset() == dt.timedelta(hours=1)


def test_dates_on_a_site_with_a_fixed_offset(wordpress_fixed_offset: WordPressSite) -> None:
    site = wordpress_fixed_offset
    held = {
        int(key): value
        for key, value in json.loads(site.php_file(LIVE_DIR / "holdings.php")).items()
    }
    posts = wpparse.parse_posts(_get(site, "/wp/v2/posts", "edit").body)
    assert len(posts) >= 5
    for post in posts:
        assert post.id is not None
        _check_dates(site, post, held[post.id])
        assert post.date is not None
        assert post.date.utcoffset() == dt.timedelta(hours=5, minutes=30)


# -- errors ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("route", "params", "auth", "code", "status"),
    [
        ("/wp/v2/posts", {"per_page": 1000}, False, "rest_invalid_param", 400),
        ("/wp/v2/posts", {"context": "edit"}, False, "rest_forbidden_context", 401),
        ("/wp/v2/posts/999999", {}, False, "rest_post_invalid_id", 404),
        ("/wp/v2/nothing-here", {}, False, "rest_no_route", 404),
        ("/wp/v2/posts", {"page": 1000}, False, "rest_post_invalid_page_number", 400),
        ("/wp/v2/settings", {}, False, "rest_forbidden", 401),
        # Logged in, but not allowed: 403.
        ("/wp/v2/users", {"context": "edit"}, "contributor", "rest_forbidden_context", 403),
        ("/wp/v2/settings", {}, "contributor", "rest_forbidden", 403),
    ],
)
def test_wordpress_errors_raise_wpapierror(
    wordpress: WordPressSite,
    route: str,
    params: dict[str, Any],
    auth: bool | str,
    code: str,
    status: int,
) -> None:
    response = wordpress.api(route, auth=auth, **params)
    assert response.status == status
    for parse in (wpparse.parse_post, wpparse.parse_posts):
        with pytest.raises(wpparse.WPAPIError) as raised:
            parse(response.body)
        assert (raised.value.code, raised.value.status) == (code, status)


# -- the JSON Schema WordPress publishes for each route -------------------------------------------


@pytest.mark.parametrize("context", CONTEXTS)
@pytest.mark.parametrize(
    "template", ["/wp/v2/posts", "/wp/v2/pages", "/wp/v2/media", "/wp/v2/books"]
)
def test_to_dict_validates_against_wordpress_schema(
    wordpress: WordPressSite, template: str, context: str
) -> None:
    validator = _validator(wordpress, template)
    validated: list[int | None] = []
    response = _get(wordpress, template, context)
    posts = wpparse.parse_posts(response.body)
    assert posts
    for post, item in zip(posts, _items(response), strict=True):
        # WordPress's own objects do not always validate against its schemas (an attachment's
        # status "inherit" is not in the media route's enum): wpparse's may fail only where
        # WordPress's own does.
        theirs = {error.message for error in validator.iter_errors(item)}
        ours = {error.message for error in validator.iter_errors(post.to_dict())}
        assert ours <= theirs, (post.id, sorted(ours - theirs)[:3])
        validated.append(post.id)
    assert validated


def _validator(site: WordPressSite, route: str) -> jsonschema.Draft4Validator:
    """A validator for the JSON Schema WordPress publishes for `route` (an OPTIONS request)."""
    options = site.request(f"/?rest_route={route}", method="OPTIONS")
    return jsonschema.Draft4Validator(_as_json_schema(options.json()["schema"]))


def _as_json_schema(value: Any) -> Any:
    """WordPress's schema, with PHP's empty arrays where JSON Schema wants objects made objects.

    PHP encodes an empty array as ``[]``, so a route with no registered meta publishes
    ``"properties": []``; JSON Schema needs ``{}`` there.
    """
    if isinstance(value, list):
        return [_as_json_schema(item) for item in value]
    if not isinstance(value, dict):
        return value
    fixed = {key: _as_json_schema(item) for key, item in value.items()}
    for key in ("properties", "patternProperties", "definitions"):
        if fixed.get(key) == []:
            fixed[key] = {}
    return fixed


# -- the block parser, against WordPress's ------------------------------------------------------


def _as_php_encodes(blocks: list[dict[str, Any]]) -> Any:
    """wpparse's block dicts as PHP's json_encode writes its parse: attributes that are an
    empty or 0..n-1-keyed object are a list there (wpparse keeps them a dict, documented)."""
    out = []
    for block in blocks:
        attrs = block["attrs"]
        if isinstance(attrs, dict) and list(attrs) == [str(i) for i in range(len(attrs))]:
            attrs = list(attrs.values())
        out.append({**block, "attrs": attrs, "innerBlocks": _as_php_encodes(block["innerBlocks"])})
    return out


def _same_as_php(text: str, php: PhpBlockParser) -> None:
    ours = _as_php_encodes([block.to_dict() for block in wpparse.parse_blocks(text)])
    assert ours == php.parse(text)


def test_block_parser_agrees_with_wordpress_on_every_seeded_post(
    wordpress: WordPressSite,
    holdings: dict[int, dict[str, Any]],
    php_block_parser: PhpBlockParser,
) -> None:
    compared = 0
    for post in wpparse.parse_posts(_every_page(wordpress, "/wp/v2/posts", "edit")):
        assert post.content is not None
        assert post.content.raw is not None
        assert post.id is not None
        assert post.content.raw == holdings[post.id]["raw"]
        _same_as_php(post.content.raw, php_block_parser)
        compared += 1
    assert compared >= 100


_NAMES = ["paragraph", "core/quote", "my-plugin/x-y", "group", "a", "Bad Name"]
_ATTRIBUTES = [
    "",
    '{"a":1} ',
    '{"0":"x","1":{"0":2}} ',
    '{"v":{},"w":[{}]} ',
    '{"v":{"1":"a","0":"b"}} ',
    '{"s":"\\u003c!-- \\" --\\u003e \\\\"} ',
    '{"n":12345678901234567890,"f":1.5e300,"z":-0} ',
    '{"e":"é中🙂\\u00e9\\ud83d\\ude00"} ',
    '{"0":1,"0":2} ',
    '{"bad":} ',
    '{"a":NaN} ',
    "[1] ",
]
_SPACES = [" ", "  ", "\n", "\t", "\u00a0", "\u2028", "\r\n"]
_HTML = ["", "<p>text</p>", "0", "\n\n", "<!-- a comment -->", "é & <b>中</b>", "<!-- wp:", "-->"]


@st.composite
def block_documents(draw: st.DrawFn, depth: int = 0) -> str:
    """Block markup as writers and plugins make it, and as they break it."""
    parts = []
    for _ in range(draw(st.integers(0, 4 if depth < 3 else 0))):
        kind = draw(st.sampled_from(["block", "void", "html", "broken"]))
        name = draw(st.sampled_from(_NAMES))
        attrs = draw(st.sampled_from(_ATTRIBUTES))
        space = draw(st.sampled_from(_SPACES))
        if kind == "void":
            parts.append(f"<!--{space}wp:{name} {attrs}/-->")
        elif kind == "block":
            closer = draw(st.sampled_from([name, "other", None]))
            inner = draw(block_documents(depth + 1))
            parts.append(f"<!--{space}wp:{name} {attrs}-->{draw(st.sampled_from(_HTML))}{inner}")
            if closer is not None:
                parts.append(f"{draw(st.sampled_from(_HTML))}<!-- /wp:{closer}{space}-->")
        elif kind == "html":
            parts.append(draw(st.sampled_from(_HTML) | st.text(max_size=5)))
        else:  # a delimiter cut short, or with odd spacing
            parts.append(
                draw(
                    st.sampled_from(
                        [
                            f"<!-- wp:{name} {attrs}",
                            f"<!--wp:{name}-->",
                            f"<!-- wp:{name}{attrs}-->",
                            "<!-- /wp:",
                            "/-->",
                        ]
                    )
                )
            )
    return "".join(parts)


@given(text=block_documents())
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_block_parser_agrees_with_wordpress_on_generated_documents(
    php_block_parser: PhpBlockParser, text: str
) -> None:
    _same_as_php(text, php_block_parser)


# -- text against WordPress's own excerpts --------------------------------------------------------


def _letters(text: str) -> str:
    return "".join(char for char in text if char.isalnum())


def _words(text: str) -> list[str]:
    return [word for word in text.split() if any(char.isalnum() for char in word)]


def test_generated_excerpts_are_the_first_words_of_the_text(
    wordpress: WordPressSite, holdings: dict[int, dict[str, Any]]
) -> None:
    """WordPress makes an excerpt from the content when none was written (its first 55 words,
    shortcodes and tags stripped): those words open `.text`, bullets, numbers and tabs aside.

    Where the two differ by design:

    - WordPress strips tags without leaving a space, so the words on either side of a ``<br>``
      or a block's edge with no white space between are one word there (``verse…And``):
      the excerpt's characters are compared, white space aside.
    - WordPress texturizes excerpts (quotes, dashes, ``...`` → ``…``) even where the content's
      ``pre`` keeps them as written: only letters and digits are compared.
    - WordPress leaves out of excerpts every block not in its ``excerpt_allowed_blocks`` list;
      posts whose content has another block are not compared.
    """
    allowed = json.loads(
        wordpress.php(
            "<?php echo json_encode(array_merge(apply_filters('excerpt_allowed_blocks', "
            "['core/columns','core/column','core/freeform','core/heading','core/html',"
            "'core/list','core/media-text','core/paragraph','core/preformatted','core/pullquote',"
            "'core/quote','core/table','core/verse']), [null]));"
        )
    )
    compared = 0
    for post in wpparse.parse_posts(_every_page(wordpress, "/wp/v2/posts", "edit")):
        assert post.id is not None
        assert post.content is not None
        assert post.excerpt is not None
        if holdings[post.id]["excerpt"] or post.status != "publish" or post.content.protected:
            continue
        names = {block.name for block in wpparse.blocks.walk_blocks(post.content.blocks)}
        if not names <= set(allowed) or not post.excerpt.text:
            continue
        excerpt = _letters(" ".join(_words(post.excerpt.text)))
        text = _letters(" ".join(_words(post.content.text)))
        assert text.startswith(excerpt), (post.id, post.title)
        compared += 1
    assert compared >= 20


# -- the normalizer on WordPress's rendering of every core block --------------------------------


class _Targets(HTMLParser):
    """The link and image URLs of HTML, read by Python's own parser (not Lexbor)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.images: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag in ("script", "style", "noscript", "template", "video", "audio", "object"):
            self._skip += 1
        elif self._skip:
            return
        elif _hidden(found):
            return  # wpparse leaves out what a reader never sees (a hidden "cancel reply" link)
        elif tag == "a":
            href = (found.get("href") or "").strip()
            if href and not href.startswith(("#", "javascript:", "data:")):
                self.links.append(href)
        elif tag == "img":
            src = (found.get("src") or "").strip()
            if src and not src.startswith("data:"):
                self.images.append(src)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "noscript", "template", "video", "audio", "object"):
            self._skip = max(0, self._skip - 1)


def _hidden(attributes: dict[str, str | None]) -> bool:
    style = (attributes.get("style") or "").replace(" ", "").lower()
    return "hidden" in attributes or "display:none" in style


def _rendered_fixture_posts(site: WordPressSite) -> Iterator[wpparse.Post]:
    for page in (1, 2, 3):
        response = site.api("/wp/v2/posts", per_page=100, page=page, context="view")
        if response.status != 200:
            return
        yield from wpparse.parse_posts(response.body)


def test_normalizer_on_every_core_block_as_wordpress_renders_it(wordpress: WordPressSite) -> None:
    checked = 0
    for post in _rendered_fixture_posts(wordpress):
        content = post.content
        assert content is not None
        for value in (content.text, content.markdown):
            bad = {char for char in value if unicodedata.category(char) in ("Cc", "Cs")}
            assert bad <= {"\n", "\t"}, post.id
        # No tag of the rendering is left in the text (a "<" the writer escaped may be).
        escaped = html.unescape(re.sub(r"<[^>]*>", "", content.html))
        for tag in re.findall(r"</?[a-z][a-z0-9]*[\s/>]", content.text):
            assert tag in escaped, (post.id, tag)
        targets = _Targets()
        targets.feed(content.html)
        found_links = {link.url for link in content.links}
        for href in targets.links:
            assert any(url.endswith(_tail(href)) for url in found_links), (post.id, href)
        found_images = {image.url for image in content.images}
        for src in targets.images:
            assert any(url.endswith(_tail(src)) for url in found_images), (post.id, src)
        checked += 1
    assert checked >= len(wordpress.seed["fixtures"])


def _tail(url: str) -> str:
    """What a resolved URL ends with, whatever base it was resolved against."""
    url = url.replace("&#038;", "&").replace("&amp;", "&")
    return url.split("//", 1)[-1].lstrip("./")
