"""parse_post and the Post model: the seed post, WordPress's quirks, strict mode, round trips."""

from __future__ import annotations

import copy
import datetime as dt
import json
import pickle
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wpparse
from tests.conftest import SEED_POST
from wpparse import (
    Comment,
    Content,
    ImageSize,
    MediaDetails,
    Post,
    ProblemKind,
    Term,
    Title,
    User,
    WPAPIError,
    WPParseError,
    parse_post,
)
from wpparse._parse import post_from_value

SEED: dict[str, Any] = json.loads(SEED_POST.read_bytes())
TITLE = (
    "Japan’s Tech Titans Just Teamed Up to Build a Trillion-Parameter AI—And It’s Not Here to Chat"
)
SITE = "https://hbbgroup.net/en_us/wp-json/wp/v2"
FEATURED_HREF = f"{SITE}/media/71192"

Edit = Callable[[dict[str, Any]], dict[str, Any]]


def paths_and_kinds(post: Post) -> list[tuple[str, ProblemKind]]:
    return [(problem.path, problem.kind) for problem in post.warnings]


# The seed post -------------------------------------------------------------------------------


@pytest.mark.parametrize("source", ["bytes", "dict", "text"])
def test_seed_post_fields(source: str, seed_bytes: bytes, seed_dict: dict[str, Any]) -> None:
    data: Any = {"bytes": seed_bytes, "dict": seed_dict, "text": seed_bytes.decode()}[source]
    post = parse_post(data)
    assert post.id == 71191
    assert post.title is not None
    assert post.title.text == TITLE
    assert post.date == dt.datetime(
        2026, 4, 14, 8, 51, 16, tzinfo=dt.timezone(dt.timedelta(hours=7))
    )
    assert post.date is not None
    assert post.date.utcoffset() == dt.timedelta(hours=7)
    assert post.date_gmt == dt.datetime(2026, 4, 14, 1, 51, 16, tzinfo=dt.UTC)
    assert post.date_gmt is not None
    assert post.date_gmt.utcoffset() == dt.timedelta(0)
    assert post.featured_media == 71192
    assert post.categories == (220,)
    assert post.tags == ()
    assert post.links is not None
    featured = post.links["wp:featuredmedia"][0]
    assert featured.href == FEATURED_HREF
    assert featured.embeddable is True
    assert post.links["https://api.w.org/featuredmedia"] == post.links["wp:featuredmedia"]
    assert post.links.first_href("https://api.w.org/term") == f"{SITE}/categories?post=71191"
    assert post.extra == {"acf": []}
    assert post.warnings == ()


def test_seed_post_other_fields(seed_dict: dict[str, Any]) -> None:
    post = parse_post(seed_dict)
    assert post.modified == post.date
    assert post.modified is not None
    assert post.modified.utcoffset() == dt.timedelta(hours=7)
    assert post.slug == seed_dict["slug"]
    assert (post.status, post.type, post.format, post.template) == (
        "publish",
        "post",
        "standard",
        "",
    )
    assert post.link == seed_dict["link"]
    assert post.author == 5
    assert (post.comment_status, post.ping_status, post.sticky) == ("open", "open", False)
    assert post.meta == {"_acf_changed": False, "footnotes": ""}
    assert post.terms == {"categories": (220,), "tags": ()}
    assert post.class_list is not None
    assert post.class_list[-1] == "category-tien-dien-tu"
    assert len(post.class_list) == 8
    assert isinstance(post.content, Content)
    assert post.content.protected is False
    assert post.content.base_url == seed_dict["link"]
    assert post.guid is not None
    assert post.guid.html == seed_dict["guid"]["rendered"]
    assert post.excerpt is not None
    assert post.excerpt.html.startswith("<p>In brief")
    assert post.links is not None
    assert post.links["self"][0].target_hints == {"allow": ("GET",)}
    assert post.links["version-history"][0].count == 0
    assert post.embedded is None
    assert post.parent is None
    assert post.media_details is None


def test_seed_post_passes_strict(seed_dict: dict[str, Any]) -> None:
    assert parse_post(seed_dict, strict=True) == parse_post(seed_dict)


# Quirks: small edits of the seed post -----------------------------------------------------------


def featured_media_zero(d: dict[str, Any]) -> dict[str, Any]:
    d["featured_media"] = 0
    del d["_links"]["wp:featuredmedia"]
    return d


def meta_empty_array(d: dict[str, Any]) -> dict[str, Any]:
    d["meta"] = []
    return d


def class_list_object(d: dict[str, Any]) -> dict[str, Any]:
    d["class_list"] = {"0": "post-71191", "1": "post", "3": "hentry", "10": "category-x"}
    return d


def title_bare_string(d: dict[str, Any]) -> dict[str, Any]:
    d["title"] = "Plain &amp; simple"
    return d


def sticky_string(d: dict[str, Any]) -> dict[str, Any]:
    d["sticky"] = "1"
    return d


def id_string(d: dict[str, Any]) -> dict[str, Any]:
    d["id"] = "71191"
    return d


def categories_string(d: dict[str, Any]) -> dict[str, Any]:
    d["categories"] = "220"
    return d


def relative_link(d: dict[str, Any]) -> dict[str, Any]:
    d["link"] = "/en_us/japans-tech-titans/"
    d["content"]["rendered"] = '<p><a href="../other/">Other</a> and <img src="/i.png"></p>'
    return d


def featured_image_v2_beta(d: dict[str, Any]) -> dict[str, Any]:
    del d["featured_media"]
    d["featured_image"] = 71192
    return d


def custom_taxonomies(d: dict[str, Any]) -> dict[str, Any]:
    d["genre"] = [11, 12]
    d["mood"] = []
    d["series"] = ["not", "ids"]
    d["_links"]["wp:term"] += [
        {"taxonomy": "genre", "embeddable": True, "href": f"{SITE}/genre?post=71191"},
        {
            "taxonomy": "mood",
            "embeddable": True,
            "href": "https://hbbgroup.net/?rest_route=/wp/v2/mood&post=71191",
        },
        {"taxonomy": "series", "embeddable": True, "href": f"{SITE}/series?post=71191"},
    ]
    return d


def attachment(d: dict[str, Any]) -> dict[str, Any]:
    for key in ("sticky", "categories", "tags", "format", "excerpt", "content"):
        del d[key]
    d.update(
        id=71192,
        type="attachment",
        status="inherit",
        alt_text="Robots on a factory floor",
        caption={"rendered": "<p>Robots.</p>\n"},
        description={"rendered": '<p class="attachment">An image.</p>\n'},
        media_type="image",
        mime_type="image/jpeg",
        post=71191,
        source_url="https://hbbgroup.net/wp-content/uploads/2026/04/robots.jpg",
        media_details={
            "width": 1200,
            "height": 800,
            "file": "2026/04/robots.jpg",
            "filesize": 123456,
            "sizes": {
                "thumbnail": {
                    "file": "robots-150x150.jpg",
                    "width": "150",
                    "height": 150,
                    "mime_type": "image/jpeg",
                    "source_url": "https://hbbgroup.net/wp-content/uploads/2026/04/robots-150x150.jpg",
                },
                "full": {
                    "file": "robots.jpg",
                    "width": 1200,
                    "height": 800,
                    "mime_type": "image/jpeg",
                    "source_url": "https://hbbgroup.net/wp-content/uploads/2026/04/robots.jpg",
                },
            },
            "image_meta": {"aperture": "0", "keywords": []},
        },
    )
    return d


def page(d: dict[str, Any]) -> dict[str, Any]:
    for key in ("sticky", "categories", "tags", "format"):
        del d[key]
    d.update(type="page", parent=0, menu_order=3)
    return d


def child_page(d: dict[str, Any]) -> dict[str, Any]:
    page(d)
    d["parent"] = 42
    d["_links"]["up"] = [{"embeddable": True, "href": f"{SITE}/pages/42"}]
    return d


def edit_context(d: dict[str, Any]) -> dict[str, Any]:
    d["title"]["raw"] = "Japan’s Tech Titans"
    d["content"].update(
        raw="<!-- wp:paragraph -->\n<p>Hi</p>\n<!-- /wp:paragraph -->", block_version=1
    )
    d["excerpt"]["raw"] = ""
    d["guid"]["raw"] = d["guid"]["rendered"]
    d.update(
        password="secret",
        permalink_template="https://hbbgroup.net/en_us/%postname%/",
        generated_slug="japans-tech-titans",
    )
    return d


def fields_trimmed(d: dict[str, Any]) -> dict[str, Any]:
    return {"id": d["id"], "slug": d["slug"], "title": d["title"]}


FORBIDDEN = {
    "code": "rest_forbidden",
    "message": "Sorry, you are not allowed to do that.",
    "data": {"status": 401},
}


def embedded(d: dict[str, Any]) -> dict[str, Any]:
    user = {
        "id": 5,
        "name": "Editor",
        "url": "",
        "description": "Writes things.",
        "link": "https://hbbgroup.net/en_us/author/editor/",
        "slug": "editor",
        "avatar_urls": {"24": "https://e.org/a24.png", "48": "https://e.org/a48.png"},
        "_links": {"self": [{"href": f"{SITE}/users/5"}]},
    }
    media = {
        "id": 71192,
        "date": "2026-04-14T08:50:00",
        "slug": "robots",
        "type": "attachment",
        "link": "https://hbbgroup.net/en_us/robots/",
        "title": {"rendered": "Robots"},
        "author": 5,
        "caption": {"rendered": "<p>Robots.</p>\n"},
        "alt_text": "Robots",
        "media_type": "image",
        "mime_type": "image/jpeg",
        "media_details": {
            "width": 1200,
            "height": 800,
            "file": "2026/04/robots.jpg",
            "sizes": {
                "medium": {
                    "file": "robots-300x200.jpg",
                    "width": 300,
                    "height": 200,
                    "mime_type": "image/jpeg",
                    "source_url": "https://e.org/robots-300x200.jpg",
                }
            },
        },
        "source_url": "https://e.org/robots.jpg",
    }
    category = {
        "id": 220,
        "link": "https://hbbgroup.net/en_us/category/tien-dien-tu/",
        "name": "Tiền điện tử",
        "slug": "tien-dien-tu",
        "taxonomy": "category",
    }
    parent = {"id": 42, "type": "page", "slug": "about", "title": {"rendered": "About"}}
    comment = {
        "id": 9,
        "post": 71191,
        "parent": 0,
        "author": 0,
        "author_name": "A reader",
        "author_url": "",
        "date": "2026-04-14T09:00:00",
        "date_gmt": "2026-04-14T02:00:00",
        "content": {"rendered": "<p>Nice.</p>\n"},
        "link": "https://hbbgroup.net/en_us/japans/#comment-9",
        "type": "comment",
        "author_avatar_urls": {"24": "https://e.org/c24.png"},
    }
    d["_embedded"] = {
        "author": [FORBIDDEN, user],
        "wp:featuredmedia": [media],
        "wp:term": [[category], []],
        "up": [parent],
        "replies": [[comment]],
        "acme:widget": [{"anything": ["goes", 1]}],
    }
    return d


def plugin_fields(d: dict[str, Any]) -> dict[str, Any]:
    d.update(
        yoast_head_json={"title": "Japan", "og_image": [{"url": "https://e.org/o.jpg"}]},
        jetpack_featured_media_url="https://e.org/robots.jpg",
        acf=False,
    )
    return d


def code_field(d: dict[str, Any]) -> dict[str, Any]:
    d["code"] = "JP-2026"
    d["message"] = "Not an error"
    return d


def daylight_saving(d: dict[str, Any]) -> dict[str, Any]:
    d.update(
        date="2026-03-07T12:00:00",
        date_gmt="2026-03-07T17:00:00",
        modified="2026-03-09T12:00:00",
        modified_gmt="2026-03-09T16:00:00",
    )
    return d


def bad_date_pair(d: dict[str, Any]) -> dict[str, Any]:
    d["date"] = "2026-04-14T21:51:16"
    return d


def seed(d: dict[str, Any]) -> dict[str, Any]:
    return d


EDITS: list[Edit] = [
    seed,
    featured_media_zero,
    meta_empty_array,
    class_list_object,
    title_bare_string,
    sticky_string,
    id_string,
    categories_string,
    relative_link,
    featured_image_v2_beta,
    custom_taxonomies,
    attachment,
    page,
    child_page,
    edit_context,
    fields_trimmed,
    embedded,
    plugin_fields,
    code_field,
    daylight_saving,
    bad_date_pair,
]


def test_featured_media_zero_is_none(seed_dict: dict[str, Any]) -> None:
    post = parse_post(featured_media_zero(seed_dict))
    assert post.featured_media is None
    assert post.warnings == ()


def test_meta_empty_array_is_empty_object_silently(seed_dict: dict[str, Any]) -> None:
    post = parse_post(meta_empty_array(seed_dict))
    assert post.meta == {}
    assert post.warnings == ()


def test_class_list_object_is_a_tuple_silently(seed_dict: dict[str, Any]) -> None:
    post = parse_post(class_list_object(seed_dict))
    assert post.class_list == ("post-71191", "post", "hentry", "category-x")
    assert post.warnings == ()


def test_title_bare_string_is_coerced(seed_dict: dict[str, Any]) -> None:
    post = parse_post(title_bare_string(seed_dict))
    assert isinstance(post.title, Title)
    assert post.title.html == "Plain &amp; simple"
    assert post.title.text == "Plain & simple"
    assert paths_and_kinds(post) == [("$.title", ProblemKind.COERCED)]


def test_sticky_string_is_coerced(seed_dict: dict[str, Any]) -> None:
    post = parse_post(sticky_string(seed_dict))
    assert post.sticky is True
    assert paths_and_kinds(post) == [("$.sticky", ProblemKind.COERCED)]


def test_id_string_is_coerced(seed_dict: dict[str, Any]) -> None:
    post = parse_post(id_string(seed_dict))
    assert post.id == 71191
    assert paths_and_kinds(post) == [("$.id", ProblemKind.COERCED)]


def test_categories_string_is_coerced(seed_dict: dict[str, Any]) -> None:
    post = parse_post(categories_string(seed_dict))
    assert post.categories == (220,)
    assert paths_and_kinds(post) == [("$.categories", ProblemKind.COERCED)]


def test_relative_link_is_resolved_for_content_through_self(seed_dict: dict[str, Any]) -> None:
    post = parse_post(relative_link(seed_dict))
    assert post.link == "/en_us/japans-tech-titans/"
    assert post.content is not None
    assert post.content.base_url == "https://hbbgroup.net/en_us/japans-tech-titans/"
    assert post.title is not None
    assert post.title.base_url == "https://hbbgroup.net/en_us/japans-tech-titans/"
    assert post.warnings == ()


def test_relative_link_without_self_stays_relative(seed_dict: dict[str, Any]) -> None:
    relative_link(seed_dict)
    del seed_dict["_links"]
    post = parse_post(seed_dict)
    assert post.content is not None
    assert post.content.base_url == "/en_us/japans-tech-titans/"


def test_featured_image_of_v2_beta_is_featured_media(seed_dict: dict[str, Any]) -> None:
    post = parse_post(featured_image_v2_beta(seed_dict))
    assert post.featured_media == 71192
    assert "featured_image" not in post.extra
    assert post.warnings == ()


def test_featured_media_wins_over_featured_image(seed_dict: dict[str, Any]) -> None:
    seed_dict["featured_image"] = 5
    post = parse_post(seed_dict)
    assert post.featured_media == 71192
    assert post.extra["featured_image"] == 5


def test_custom_taxonomies_named_by_term_links(seed_dict: dict[str, Any]) -> None:
    post = parse_post(custom_taxonomies(seed_dict))
    assert post.terms == {"categories": (220,), "tags": (), "genre": (11, 12), "mood": ()}
    assert post.extra == {"acf": [], "series": ["not", "ids"]}
    assert post.warnings == ()


def test_taxonomy_list_without_term_link_stays_in_extra(seed_dict: dict[str, Any]) -> None:
    seed_dict["genre"] = [11]
    post = parse_post(seed_dict)
    assert "genre" not in post.terms
    assert post.extra["genre"] == [11]


def test_attachment(seed_dict: dict[str, Any]) -> None:
    post = parse_post(attachment(seed_dict))
    assert (post.type, post.status, post.media_type, post.mime_type) == (
        "attachment",
        "inherit",
        "image",
        "image/jpeg",
    )
    assert post.alt_text == "Robots on a factory floor"
    assert post.caption is not None
    assert post.caption.html == "<p>Robots.</p>\n"
    assert post.description is not None
    assert post.description.text == "An image."
    assert post.post == 71191
    assert post.source_url == "https://hbbgroup.net/wp-content/uploads/2026/04/robots.jpg"
    details = post.media_details
    assert isinstance(details, MediaDetails)
    assert (details.width, details.height, details.file, details.filesize) == (
        1200,
        800,
        "2026/04/robots.jpg",
        123456,
    )
    assert details.image_meta == {"aperture": "0", "keywords": []}
    assert list(details.sizes) == ["thumbnail", "full"]
    thumbnail = details.sizes["thumbnail"]
    assert isinstance(thumbnail, ImageSize)
    assert (thumbnail.width, thumbnail.height) == (150, 150)
    assert thumbnail.file == "robots-150x150.jpg"
    assert thumbnail.source_url is not None
    assert thumbnail.source_url.endswith("robots-150x150.jpg")
    assert details.sizes["full"] == ImageSize(
        file="robots.jpg",
        width=1200,
        height=800,
        mime_type="image/jpeg",
        source_url="https://hbbgroup.net/wp-content/uploads/2026/04/robots.jpg",
    )
    # PHP stored the thumbnail's width as "150": WordPress's schema leaves media_details untyped,
    # so that is read as the number, without a problem.
    assert post.warnings == ()


@pytest.mark.parametrize(
    ("stored", "read", "problem"),
    [("600", 600, False), (600, 600, False), (" 600", 600, True), ("6e2", None, True)],
)
def test_media_details_numbers_stored_as_strings(
    seed_dict: dict[str, Any], stored: Any, read: int | None, problem: bool
) -> None:
    attachment(seed_dict)
    seed_dict["media_details"] = {"width": stored, "height": stored, "filesize": stored}
    post = parse_post(seed_dict)
    assert post.media_details is not None
    details = post.media_details
    assert (details.width, details.height, details.filesize) == (read, read, read)
    assert bool(post.warnings) is problem


def test_empty_media_details_array(seed_dict: dict[str, Any]) -> None:
    attachment(seed_dict)
    seed_dict["media_details"] = []
    post = parse_post(seed_dict)
    assert post.media_details == MediaDetails()
    assert post.warnings == ()


def test_page(seed_dict: dict[str, Any]) -> None:
    post = parse_post(page(seed_dict))
    assert post.type == "page"
    assert post.parent is None
    assert post.menu_order == 3
    assert post.sticky is None
    assert post.terms == {}
    assert post.warnings == ()


def test_child_page(seed_dict: dict[str, Any]) -> None:
    post = parse_post(child_page(seed_dict))
    assert post.parent == 42
    assert post.links is not None
    assert post.links.first_href("up") == f"{SITE}/pages/42"


def test_edit_context(seed_dict: dict[str, Any]) -> None:
    post = parse_post(edit_context(seed_dict))
    assert post.title is not None
    assert post.title.raw == "Japan’s Tech Titans"
    assert post.content is not None
    assert post.content.raw == "<!-- wp:paragraph -->\n<p>Hi</p>\n<!-- /wp:paragraph -->"
    assert post.content.block_version == 1
    assert post.excerpt is not None
    assert post.excerpt.raw == ""
    assert post.guid is not None
    assert post.guid.raw == seed_dict["guid"]["rendered"]
    assert post.password == "secret"
    assert post.permalink_template == "https://hbbgroup.net/en_us/%postname%/"
    assert post.generated_slug == "japans-tech-titans"
    assert post.warnings == ()


def test_fields_trimmed_object(seed_dict: dict[str, Any]) -> None:
    post = parse_post(fields_trimmed(seed_dict))
    assert post.id == 71191
    assert post.slug == seed_dict["slug"]
    assert post.title is not None
    assert post.title.text == TITLE
    assert post.warnings == ()
    assert post == Post(id=71191, slug=seed_dict["slug"], title=post.title)
    assert (post.date, post.date_gmt, post.links, post.embedded, post.content) == (
        None,
        None,
        None,
        None,
        None,
    )
    assert post.terms == {}
    assert post.categories == ()
    assert post.extra == {}


def test_embedded(seed_dict: dict[str, Any]) -> None:
    post = parse_post(embedded(seed_dict))
    found = post.embedded
    assert found is not None
    assert len(found.author) == 1
    user = found.author[0]
    assert isinstance(user, User)
    assert (user.id, user.name, user.slug) == (5, "Editor", "editor")
    assert user.avatar_urls == {"24": "https://e.org/a24.png", "48": "https://e.org/a48.png"}
    assert user.links is not None
    assert user.links.first_href("self") == f"{SITE}/users/5"

    assert len(found.featured_media) == 1
    media = found.featured_media[0]
    assert isinstance(media, Post)
    assert (media.id, media.type, media.media_type) == (71192, "attachment", "image")
    assert media.media_details is not None
    assert media.media_details.sizes["medium"] == ImageSize(
        file="robots-300x200.jpg",
        width=300,
        height=200,
        mime_type="image/jpeg",
        source_url="https://e.org/robots-300x200.jpg",
    )
    assert media.date == dt.datetime(2026, 4, 14, 8, 50)

    assert len(found.terms) == 2
    assert found.terms[1] == ()
    category = found.terms[0][0]
    assert isinstance(category, Term)
    assert (category.id, category.name, category.taxonomy) == (220, "Tiền điện tử", "category")
    assert found.all_terms() == (category,)

    assert len(found.up) == 1
    assert found.up[0].id == 42
    assert found.up[0].title is not None
    assert found.up[0].title.text == "About"

    assert len(found.replies) == 1
    comment = found.replies[0][0]
    assert isinstance(comment, Comment)
    assert (comment.id, comment.post, comment.parent, comment.author) == (9, 71191, None, None)
    assert comment.author_name == "A reader"
    assert comment.date is not None
    assert comment.date.utcoffset() == dt.timedelta(hours=7)
    assert comment.content is not None
    assert comment.content.text == "Nice."

    assert found.other == {"acme:widget": [{"anything": ["goes", 1]}]}


def test_an_embedded_error_object_is_kept_as_data_without_a_warning(
    seed_dict: dict[str, Any],
) -> None:
    # WordPress embeds rest_forbidden wherever the reader may not see what a link points to:
    # WordPress working as designed, not a problem of the input.
    post = parse_post(embedded(seed_dict))
    assert post.warnings == ()
    assert post.embedded is not None
    assert [error["code"] for error in post.embedded.errors["author"]] == ["rest_forbidden"]
    assert parse_post(post.to_dict()) == post


def test_embedded_error_in_featured_media(seed_dict: dict[str, Any]) -> None:
    seed_dict["_embedded"] = {"wp:featuredmedia": [FORBIDDEN]}
    post = parse_post(seed_dict)
    assert post.embedded is not None
    assert post.embedded.featured_media == ()
    assert post.embedded.errors == {"wp:featuredmedia": (FORBIDDEN,)}
    assert post.warnings == ()
    assert post.to_dict()["_embedded"] == {"wp:featuredmedia": [FORBIDDEN]}


def test_unknown_top_level_keys_kept_in_extra_unchanged(seed_dict: dict[str, Any]) -> None:
    post = parse_post(plugin_fields(seed_dict))
    assert post.extra == {
        "acf": False,
        "yoast_head_json": {"title": "Japan", "og_image": [{"url": "https://e.org/o.jpg"}]},
        "jetpack_featured_media_url": "https://e.org/robots.jpg",
    }
    assert post.extra["acf"] is False
    assert post.warnings == ()


# Strict mode -----------------------------------------------------------------------------------


def three_problems(d: dict[str, Any]) -> dict[str, Any]:
    return title_bare_string(sticky_string(id_string(d)))


def test_strict_raises_one_error_listing_every_problem(seed_dict: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="3 problems") as caught:
        parse_post(three_problems(seed_dict), strict=True)
    error = caught.value
    assert isinstance(error, WPParseError)
    assert not isinstance(error, WPAPIError)
    assert sorted(problem.path for problem in error.problems) == ["$.id", "$.sticky", "$.title"]
    for path in ("$.id", "$.sticky", "$.title"):
        assert path in str(error)


def test_lenient_records_the_same_problems(seed_dict: dict[str, Any]) -> None:
    post = parse_post(three_problems(seed_dict))
    assert sorted(problem.path for problem in post.warnings) == ["$.id", "$.sticky", "$.title"]


# Error objects -------------------------------------------------------------------------------

ERROR = {"code": "rest_post_invalid_id", "message": "Invalid post ID.", "data": {"status": 404}}


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
@pytest.mark.parametrize("form", ["dict", "text", "bytes"])
def test_error_object_raises_api_error(strict: bool, form: str) -> None:
    text = json.dumps(ERROR)
    data: Any = {"dict": copy.deepcopy(ERROR), "text": text, "bytes": text.encode()}[form]
    with pytest.raises(WPAPIError) as caught:
        parse_post(data, strict=strict)
    error = caught.value
    assert (error.code, error.message, error.status) == (
        "rest_post_invalid_id",
        "Invalid post ID.",
        404,
    )
    assert error.data == {"status": 404}
    assert isinstance(error, WPParseError)
    assert isinstance(error, ValueError)


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
def test_error_object_through_post_from_value(strict: bool) -> None:
    with pytest.raises(WPAPIError, match="rest_post_invalid_id"):
        post_from_value(ERROR, strict=strict)


def test_dict_with_a_code_field_among_post_fields_is_a_post(seed_dict: dict[str, Any]) -> None:
    post = parse_post(code_field(seed_dict), strict=True)
    assert post.id == 71191
    assert post.extra == {"acf": [], "code": "JP-2026", "message": "Not an error"}


# Round trips ---------------------------------------------------------------------------------


@pytest.mark.parametrize("edit", EDITS, ids=[edit.__name__ for edit in EDITS])
def test_round_trip_through_to_dict(edit: Edit, seed_dict: dict[str, Any]) -> None:
    post = parse_post(edit(seed_dict))
    out = post.to_dict()
    assert parse_post(out) == post
    text = json.dumps(out)
    assert parse_post(text) == post
    assert post_from_value(json.loads(text)).to_dict() == json.loads(text)


@pytest.mark.parametrize("edit", EDITS, ids=[edit.__name__ for edit in EDITS])
def test_posts_pickle(edit: Edit, seed_dict: dict[str, Any]) -> None:
    post = parse_post(edit(seed_dict))
    again = pickle.loads(pickle.dumps(post))
    assert again == post
    assert again.warnings == post.warnings


def test_post_pickles_after_text_was_read(seed_dict: dict[str, Any]) -> None:
    post = parse_post(seed_dict)
    assert post.content is not None
    text = post.content.text
    assert "Japan isn’t interested" in text
    again = pickle.loads(pickle.dumps(post))
    assert again == post
    assert again.content is not None
    assert again.content.text == text


def test_seed_round_trip_keeps_the_input(seed_dict: dict[str, Any]) -> None:
    out = parse_post(seed_dict).to_dict()
    assert out["date"] == "2026-04-14T08:51:16+07:00"
    assert out["date_gmt"] == "2026-04-14T01:51:16+00:00"
    expected = dict(seed_dict)
    for key in ("date", "date_gmt", "modified", "modified_gmt"):
        del expected[key], out[key]
    assert out == expected


@settings(deadline=None)
@given(removed=st.sets(st.sampled_from(sorted(SEED))))
def test_any_subset_of_seed_keys_parses_cleanly(removed: set[str]) -> None:
    data = {key: value for key, value in copy.deepcopy(SEED).items() if key not in removed}
    post = parse_post(data)
    assert post.warnings == ()
    out = post.to_dict()
    assert set(out) == set(data)
    assert parse_post(out) == post
    assert parse_post(json.dumps(out)) == post


@pytest.mark.parametrize(
    ("raw", "featured_media"),
    [
        pytest.param(
            {"featured_media": 0, "featured_image": "https://x.example/a.jpg"},
            None,
            id="plugin-url-beside-zero",
        ),
        pytest.param({"featured_media": 0, "featured_image": 12}, None, id="plugin-id-beside-zero"),
        pytest.param({"featured_image": 12}, 12, id="2016-alias"),
        pytest.param({"featured_image": "https://x.example/a.jpg"}, None, id="plugin-url-alone"),
    ],
)
def test_featured_image_round_trips(raw: dict[str, Any], featured_media: int | None) -> None:
    post = parse_post(raw)
    assert post.featured_media == featured_media
    again = parse_post(post.to_dict())
    assert again == post
    assert again.warnings == ()


def test_an_error_object_in_place_of_a_list_of_comments_is_kept() -> None:
    forbidden = {"code": "rest_forbidden", "message": "No.", "data": {"status": 401}}
    post = parse_post({"id": 1, "_embedded": {"replies": [[{"id": 3}], forbidden]}})
    assert post.warnings == ()
    assert post.embedded is not None
    assert [[comment.id for comment in group] for group in post.embedded.replies] == [[3]]
    assert post.embedded.errors == {"replies": (forbidden,)}
    assert parse_post(post.to_dict()) == post


def _nested_lists(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize("field", ["title", "content", "slug", "categories", "_links", "meta"])
@pytest.mark.parametrize(
    "value",
    [
        pytest.param(10**5000, id="integer-too-long-to-write"),
        pytest.param(_nested_lists(5000), id="lists-5000-deep"),
    ],
)
def test_values_python_cannot_print_are_reported_not_raised(field: str, value: Any) -> None:
    # A dict built in code can hold what JSON text never brings this far.
    post = parse_post({"id": 1, field: value})
    assert len(post.warnings) == 1
    assert post.warnings[0].path in (f"$.{field}", f"$.{field}[0]")
    message = post.warnings[0].message
    assert len(message) < 300
    assert "digits" in message or "[[[" in message


def test_objects_embedded_in_embedded_objects_stop_at_a_few_levels() -> None:
    value: dict[str, Any] = {"id": 0}
    for level in range(1, 2001):
        value = {"id": level, "_embedded": {"up": [value]}}
    post = parse_post(value)
    path = "$" + "._embedded.up[0]" * 4 + "._embedded"
    assert [(problem.path, problem.kind) for problem in post.warnings] == [
        (path, ProblemKind.LIMIT)
    ]
    parents = []
    current = post
    while current.embedded is not None:
        current = current.embedded.up[0]
        parents.append(current.id)
    assert parents == [1999, 1998, 1997, 1996]
    assert pickle.loads(pickle.dumps(post)) == post


@pytest.mark.parametrize(
    ("name", "text"),
    [("Caf&eacute;s", "Cafés"), ("R&amp;D", "R&D"), ("Plain", "Plain"), (None, None)],
)
def test_term_name_text_decodes_entities(name: str | None, text: str | None) -> None:
    term = {"id": 3, "taxonomy": "post_tag"} | ({"name": name} if name is not None else {})
    post = wpparse.parse_post({"id": 1, "_embedded": {"wp:term": [[term]]}})
    assert post.embedded is not None
    ((found,),) = post.embedded.terms
    assert found.name == name  # as sent, so that to_dict() writes it back unchanged
    assert found.name_text == text
