"""Hypothesis strategies for WordPress REST data: valid posts, their mutations, hostile values.

For wpparse's own property tests, and for yours: copy this module (or import it from an sdist
checkout) and draw posts shaped as WordPress sends them.

- `valid_posts(context)`: post objects as WordPress documents them (``view``, ``embed`` or
  ``edit`` context, see ``../shared/notes/post-fields.md``), with ``_links``, optionally
  ``_embedded``, plugin fields and realistic rendered HTML.
- `mutated_posts()`: a valid post with one to three things wrong: fields dropped, nulled or
  retyped (int, str, list, dict, bool, float, NaN, huge integers), ``[]`` for ``{}``, strings with
  lone surrogates, control characters or BOMs, deeply nested values, wrong containers in
  ``_links`` and ``_embedded``.
- `posts_with_a_repeated_key()`: a valid post as JSON text in which one key appears twice.
- `json_values()`: any JSON value, including the ones Python's ``json`` module accepts beyond the
  standard (NaN, Infinity, huge integers).
- `html_fragments()`: rendered HTML of the kinds WordPress produces, with entities, CJK and RTL
  text and emoji.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any

from hypothesis import strategies as st

SITE = "https://example.org"
API = f"{SITE}/wp-json/wp/v2"

# -- text and HTML ----------------------------------------------------------------------------

_WORDS = st.sampled_from(
    [
        "WordPress",
        "café",
        "naïve",
        "東京",
        "日本語",
        "שלום",
        "مرحبا",
        "🙂",
        "x²",
        "R&D",
        "a<b",
        "Япония",
        "ελληνικά",
        "don’t",
        "50%",
        "“quoted”",
    ]
)
_ENTITIES = st.sampled_from(["&amp;", "&#8217;", "&#8211;", "&hellip;", "&nbsp;", "&#038;"])


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """A short run of words and entities, escaped for HTML."""
    parts = draw(st.lists(st.one_of(_WORDS.map(_escape), _ENTITIES), min_size=1, max_size=8))
    return " ".join(parts)


@st.composite
def html_fragments(draw: st.DrawFn) -> str:
    """Rendered HTML as WordPress writes it: paragraphs, headings, lists, tables, embeds."""
    blocks = []
    for _ in range(draw(st.integers(0, 5))):
        kind = draw(st.sampled_from(["p", "h2", "ul", "ol", "table", "figure", "embed", "pre"]))
        text = draw(sentences())
        if kind == "p":
            href = draw(
                st.sampled_from(
                    [
                        "/about/",
                        f"{SITE}/x/",
                        "https://other.example/",
                        "javascript:alert(1)",
                        "#top",
                    ]
                )
            )
            blocks.append(f'<p>{text} <a href="{href}">{draw(sentences())}</a></p>')
        elif kind == "h2":
            blocks.append(f'<h2 class="wp-block-heading" id="h-{len(blocks)}">{text}</h2>')
        elif kind in ("ul", "ol"):
            items = "".join(f"<li>{draw(sentences())}</li>" for _ in range(draw(st.integers(1, 3))))
            blocks.append(f"<{kind}>{items}</{kind}>")
        elif kind == "table":
            blocks.append(
                f"<figure class='wp-block-table'><table><tr><td>{text}</td><td>2021</td>"
                "</tr></table></figure>"
            )
        elif kind == "figure":
            blocks.append(
                f'<figure class="wp-block-image"><img src="/img/{len(blocks)}.jpg" '
                f'alt="{text}"/><figcaption>{draw(sentences())}</figcaption></figure>'
            )
        elif kind == "embed":
            blocks.append(
                '<figure class="wp-block-embed is-provider-youtube"><div class="wp-block-'
                'embed__wrapper"><iframe src="https://www.youtube.com/embed/x" title="V">'
                "</iframe></div></figure>"
            )
        else:
            blocks.append(f"<pre>{text}\n    indented</pre>")
    return "\n\n".join(blocks)


def _rendered(
    html: str, *, raw: str | None = None, protected: bool | None = None
) -> dict[str, Any]:
    value: dict[str, Any] = {"rendered": html}
    if raw is not None:
        value["raw"] = raw
    if protected is not None:
        value["protected"] = protected
    return value


# -- valid posts ------------------------------------------------------------------------------


@st.composite
def _date_pair(draw: st.DrawFn) -> tuple[str, str]:
    gmt = draw(st.datetimes(min_value=dt.datetime(2004, 1, 1), max_value=dt.datetime(2035, 1, 1)))
    gmt = gmt.replace(microsecond=0)
    offset = dt.timedelta(minutes=15 * draw(st.integers(-48, 56)))
    return (gmt + offset).isoformat(), gmt.isoformat()


def _links(post_id: int, featured: int, taxonomies: list[tuple[str, str]]) -> dict[str, Any]:
    links: dict[str, Any] = {
        "self": [{"href": f"{API}/posts/{post_id}", "targetHints": {"allow": ["GET"]}}],
        "collection": [{"href": f"{API}/posts"}],
        "author": [{"embeddable": True, "href": f"{API}/users/3"}],
        "version-history": [{"count": 1, "href": f"{API}/posts/{post_id}/revisions"}],
    }
    if featured:
        links["wp:featuredmedia"] = [{"embeddable": True, "href": f"{API}/media/{featured}"}]
    links["wp:term"] = [
        {"taxonomy": taxonomy, "embeddable": True, "href": f"{API}/{base}?post={post_id}"}
        for taxonomy, base in taxonomies
    ]
    links["curies"] = [{"name": "wp", "href": "https://api.w.org/{rel}", "templated": True}]
    return links


def _attachment(media_id: int) -> dict[str, Any]:
    url = f"{SITE}/wp-content/uploads/2026/04/{media_id}.jpg"
    return {
        "id": media_id,
        "date": "2026-04-14T08:51:16",
        "slug": f"image-{media_id}",
        "type": "attachment",
        "link": f"{SITE}/image-{media_id}/",
        "title": _rendered(f"image {media_id}"),
        "author": 3,
        "caption": _rendered("<p>A caption</p>\n"),
        "alt_text": "",
        "media_type": "image",
        "mime_type": "image/jpeg",
        "media_details": {
            "width": 1024,
            "height": 683,
            "file": f"2026/04/{media_id}.jpg",
            "sizes": {
                "medium": {
                    "file": f"{media_id}-300x200.jpg",
                    "width": 300,
                    "height": 200,
                    "mime_type": "image/jpeg",
                    "source_url": url,
                }
            },
            "image_meta": {"caption": "", "keywords": []},
        },
        "source_url": url,
    }


@st.composite
def valid_posts(draw: st.DrawFn, context: str | None = None) -> dict[str, Any]:
    """A post object as WordPress sends it, in the ``view``, ``embed`` or ``edit`` context."""
    context = context or draw(st.sampled_from(["view", "embed", "edit"]))
    post_id = draw(st.integers(1, 10**7))
    date, date_gmt = draw(_date_pair())
    modified, modified_gmt = draw(_date_pair())
    featured = draw(st.sampled_from([0, post_id + 1]))
    slug = draw(st.sampled_from(["hello-world", "caf%c3%a9", "post-" + str(post_id)]))
    link = f"{SITE}/{slug}/"
    title, content, excerpt = draw(sentences()), draw(html_fragments()), draw(sentences())
    taxonomies = [("category", "categories"), ("post_tag", "tags")]
    post: dict[str, Any] = {
        "id": post_id,
        "date": date,
        "slug": slug,
        "type": "post",
        "link": link,
        "title": _rendered(title),
        "author": 3,
        "featured_media": featured,
        "excerpt": _rendered(f"<p>{excerpt} [&hellip;]</p>\n", protected=False),
    }
    if context != "embed":
        post.update(
            date_gmt=date_gmt,
            guid=_rendered(f"{SITE}/?p={post_id}"),
            modified=modified,
            modified_gmt=modified_gmt,
            status="publish",
            content=_rendered(content, protected=False),
            comment_status="open",
            ping_status="closed",
            sticky=draw(st.booleans()),
            template="",
            format="standard",
            meta=draw(st.sampled_from([[], {"footnotes": ""}])),
            categories=draw(st.lists(st.integers(1, 500), max_size=3, unique=True)),
            tags=draw(st.lists(st.integers(1, 500), max_size=3, unique=True)),
            class_list=[f"post-{post_id}", "post", "type-post", "status-publish"],
        )
    if context == "edit":
        post["title"]["raw"] = title
        post["content"]["raw"] = f"<!-- wp:paragraph -->\n<p>{title}</p>\n<!-- /wp:paragraph -->"
        post["content"]["block_version"] = 1
        post["excerpt"]["raw"] = ""
        post["guid"]["raw"] = post["guid"]["rendered"]
        post.update(password="", permalink_template=f"{SITE}/%postname%/", generated_slug=slug)
    # Plugin fields, kept as they come.
    if draw(st.booleans()):
        post["acf"] = draw(st.sampled_from([[], False, {"subtitle": "x"}]))
    if draw(st.booleans()):
        post["yoast_head_json"] = {
            "title": title,
            "og_locale": "en_US",
            "robots": {"index": "index"},
        }
    if draw(st.booleans()):
        post["jetpack_featured_media_url"] = f"{SITE}/wp-content/uploads/a.jpg" if featured else ""
    post["_links"] = _links(post_id, featured, taxonomies)
    if draw(st.booleans()):
        embedded: dict[str, Any] = {
            "author": [
                {
                    "id": 3,
                    "name": "Ana",
                    "url": "",
                    "description": "",
                    "link": f"{SITE}/a/",
                    "slug": "ana",
                    "avatar_urls": {"24": f"{SITE}/a24.png"},
                }
            ],
            "wp:term": [
                [
                    {
                        "id": 7,
                        "link": f"{SITE}/category/news/",
                        "name": "News",
                        "slug": "news",
                        "taxonomy": "category",
                    }
                ],
                [],
            ],
        }
        if featured:
            embedded["wp:featuredmedia"] = [_attachment(featured)]
        post["_embedded"] = embedded
    return post


# -- mutations --------------------------------------------------------------------------------

_HOSTILE_STRINGS = st.sampled_from(
    [
        "\ud800",
        "a\udfffb",
        "\x00\x01\x1f",
        "\ufeffbom",
        "\u200b",
        "x" * 10_000,
        "",
        " ",
        "12",
        "1" * 5000,  # more digits than Python converts to an int
        "١٢",
        "1e3",
        "true",
        "null",
        "<script>alert(1)</script>",
        "javascript:alert(1)",
        "-0001-11-30T00:00:00",
    ]
)


@st.composite
def posts_with_a_repeated_key(draw: st.DrawFn) -> tuple[str, dict[str, Any], str]:
    """A valid post as JSON text in which one top-level key appears twice.

    The key comes first with another value, then with the post's own. Returns the text, the
    post as it reads (the last value wins, as in PHP and Python) and the repeated key.
    """
    post = draw(valid_posts())
    key = draw(st.sampled_from(sorted(post)))
    dropped = draw(
        st.one_of(st.none(), st.integers(), st.text(max_size=20), st.lists(st.integers()))
    )
    text = json.dumps(post)
    return "{" + json.dumps(key) + ": " + json.dumps(dropped) + ", " + text[1:], post, key


def json_values(max_leaves: int = 20) -> st.SearchStrategy[Any]:
    """Any JSON value, NaN, infinities and huge integers included (Python's ``json`` reads them)."""
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.integers(min_value=2**63, max_value=2**200),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=20),
        _HOSTILE_STRINGS,
    )
    return st.recursive(
        scalars,
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.dictionaries(st.text(max_size=8), children, max_size=4),
        ),
        max_leaves=max_leaves,
    )


def _deep(depth: int) -> Any:
    value: Any = "bottom"
    for index in range(depth):
        value = [value] if index % 2 else {"k": value}
    return value


_RETYPED = st.one_of(
    st.just(None),
    st.just(math.nan),
    st.just(math.inf),
    st.just(2**100),
    st.integers(-5, 5),
    st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    _HOSTILE_STRINGS,
    st.just([]),
    st.just({}),
    st.lists(st.integers(0, 3), max_size=3),
    st.dictionaries(st.sampled_from(["rendered", "0", "x"]), st.integers(0, 3), max_size=2),
    st.just(_deep(200)),
)


@st.composite
def mutated_posts(draw: st.DrawFn) -> dict[str, Any]:
    """A valid post with one to three things wrong with it."""
    post = draw(valid_posts())
    for _ in range(draw(st.integers(1, 3))):
        keys = sorted(post)
        mutation = draw(st.sampled_from(["drop", "retype", "links", "embedded", "string", "extra"]))
        if mutation == "drop" and keys:
            del post[draw(st.sampled_from(keys))]
        elif mutation == "retype" and keys:
            post[draw(st.sampled_from(keys))] = draw(_RETYPED)
        elif mutation == "links":
            post["_links"] = draw(
                st.one_of(
                    _RETYPED,
                    st.dictionaries(
                        st.sampled_from(["self", "wp:term", "curies"]), _RETYPED, max_size=3
                    ),
                )
            )
        elif mutation == "embedded":
            post["_embedded"] = draw(
                st.one_of(
                    _RETYPED,
                    st.dictionaries(
                        st.sampled_from(["author", "wp:featuredmedia", "wp:term", "up", "replies"]),
                        st.one_of(_RETYPED, st.lists(_RETYPED, max_size=2)),
                        max_size=3,
                    ),
                )
            )
        elif mutation == "string":
            key = draw(st.sampled_from(["slug", "link", "status", "date", "title", "content"]))
            hostile = draw(_HOSTILE_STRINGS)
            post[key] = {"rendered": hostile} if key in ("title", "content") else hostile
        else:
            post[draw(st.sampled_from(["x_plugin", "yoast_head_json", "acf"]))] = draw(_RETYPED)
    return post
