"""``_links``: read_links, Links lookups by compact or full relation name, and Link."""

from __future__ import annotations

from typing import Any

import pytest

from wpparse import parse_post
from wpparse._errors import Problem, ProblemKind
from wpparse._structure.links import Link, Links, read_links
from wpparse._structure.problems import ProblemLog

PATH = "$._links"
MEDIA = "https://example.org/wp-json/wp/v2/media/7"
FULL_FEATURED = "https://api.w.org/featuredmedia"
WP_CURIE = {"name": "wp", "href": "https://api.w.org/{rel}", "templated": True}


def read(value: Any) -> tuple[Links | None, list[Problem]]:
    log = ProblemLog()
    return read_links(value, PATH, log), log.problems


def links_of(value: Any) -> Links:
    links, problems = read(value)
    assert problems == []
    assert links is not None
    return links


COMPACT = {
    "self": [{"href": "https://example.org/wp-json/wp/v2/posts/1"}],
    "wp:featuredmedia": [{"embeddable": True, "href": MEDIA}],
    "wp:term": [
        {"taxonomy": "category", "embeddable": True, "href": "https://e.org/cat?post=1"},
        {"taxonomy": "post_tag", "embeddable": True, "href": "https://e.org/tags?post=1"},
    ],
    "curies": [WP_CURIE],
}
# An older site: full relation URIs as keys, and no curies.
FULL = {
    "self": [{"href": "https://example.org/wp-json/wp/v2/posts/1"}],
    FULL_FEATURED: [{"embeddable": True, "href": MEDIA}],
    "https://api.w.org/term": [
        {"taxonomy": "category", "embeddable": True, "href": "https://e.org/cat?post=1"}
    ],
}
BOTH_FORMS = [pytest.param(COMPACT, id="compact"), pytest.param(FULL, id="full")]


@pytest.mark.parametrize(
    "raw", [pytest.param(COMPACT, id="compact"), pytest.param(FULL, id="full")]
)
@pytest.mark.parametrize("name", ["wp:featuredmedia", FULL_FEATURED])
def test_featured_media_found_by_either_name(raw: dict[str, Any], name: str) -> None:
    links = links_of(raw)
    assert name in links
    assert links[name] == (Link(href=MEDIA, embeddable=True),)
    assert links.first_href(name) == MEDIA


@pytest.mark.parametrize(
    "raw", [pytest.param(COMPACT, id="compact"), pytest.param(FULL, id="full")]
)
def test_term_links_found_by_either_name(raw: dict[str, Any]) -> None:
    links = links_of(raw)
    assert links["wp:term"] == links["https://api.w.org/term"]
    assert links["wp:term"][0].taxonomy == "category"


@pytest.mark.parametrize(
    "raw", [pytest.param(COMPACT, id="compact"), pytest.param(FULL, id="full")]
)
def test_missing_relation_is_a_key_error(raw: dict[str, Any]) -> None:
    links = links_of(raw)
    assert "wp:attachment" not in links
    assert "https://api.w.org/attachment" not in links
    with pytest.raises(KeyError):
        links["wp:attachment"]
    assert links.get("up") is None


def test_custom_curie_expands_its_own_relations() -> None:
    acme = {"name": "acme", "href": "https://acme.example/rels/{rel}", "templated": True}
    raw = {
        "acme:widget": [{"href": "https://acme.example/widget/1"}],
        "https://acme.example/rels/gadget": [{"href": "https://acme.example/gadget/1"}],
        "wp:featuredmedia": [{"embeddable": True, "href": MEDIA}],
        "curies": [WP_CURIE, acme],
    }
    links = links_of(raw)
    assert links.curies == {
        "wp": "https://api.w.org/{rel}",
        "acme": "https://acme.example/rels/{rel}",
    }
    assert links.first_href("https://acme.example/rels/widget") == "https://acme.example/widget/1"
    assert links.first_href("acme:widget") == "https://acme.example/widget/1"
    assert links.first_href("acme:gadget") == "https://acme.example/gadget/1"
    assert links.first_href(FULL_FEATURED) == MEDIA
    assert "other:widget" not in links


def test_iteration_gives_names_as_sent_in_order() -> None:
    raw = {
        "wp:term": [{"href": "https://e.org/t"}],
        "self": [{"href": "https://e.org/s"}],
        FULL_FEATURED: [{"href": MEDIA}],
        "curies": [WP_CURIE],
        "about": [{"href": "https://e.org/a"}],
    }
    links = links_of(raw)
    assert list(links) == ["wp:term", "self", FULL_FEATURED, "curies", "about"]
    assert len(links) == 5
    assert list(links.relations) == list(raw)


def test_link_attributes_are_read() -> None:
    raw = {
        "self": [
            {
                "href": "https://e.org/wp-json/wp/v2/posts/1",
                "targetHints": {"allow": ["GET", "POST", "PUT"]},
            }
        ],
        "version-history": [{"count": 4, "href": "https://e.org/revisions"}],
        "predecessor-version": [{"id": 99, "href": "https://e.org/revisions/99"}],
        "wp:term": [{"taxonomy": "genre", "embeddable": True, "href": "https://e.org/genre"}],
        "curies": [WP_CURIE],
    }
    links = links_of(raw)
    self_link = links["self"][0]
    assert self_link.target_hints == {"allow": ("GET", "POST", "PUT")}
    assert self_link.embeddable is False
    assert self_link.templated is False
    assert links["version-history"][0].count == 4
    assert links["predecessor-version"][0].id == 99
    term = links["wp:term"][0]
    assert (term.taxonomy, term.embeddable, term.href) == ("genre", True, "https://e.org/genre")
    curie = links["curies"][0]
    assert (curie.name, curie.templated, curie.href) == ("wp", True, "https://api.w.org/{rel}")


def test_unknown_link_keys_are_kept_in_extra() -> None:
    raw = {
        "alternate": [
            {"href": "https://e.org/feed", "type": "application/rss+xml", "title": "Feed", "x": 1}
        ]
    }
    link = links_of(raw)["alternate"][0]
    assert link.href == "https://e.org/feed"
    assert link.extra == {"type": "application/rss+xml", "title": "Feed", "x": 1}
    assert link.to_dict() == raw["alternate"][0]


def test_relation_given_as_one_object_is_accepted_silently() -> None:
    links = links_of({"self": {"href": "https://e.org/s", "embeddable": True}})
    assert links["self"] == (Link(href="https://e.org/s", embeddable=True),)


def test_bare_string_href_in_a_list_is_coerced() -> None:
    links, problems = read({"self": ["https://e.org/s"], "about": [{"href": "https://e.org/a"}]})
    assert links is not None
    assert links["self"] == (Link(href="https://e.org/s"),)
    assert [(problem.path, problem.kind) for problem in problems] == [
        (f"{PATH}.self[0]", ProblemKind.COERCED)
    ]


def test_bare_string_relation_is_coerced() -> None:
    links, problems = read({"self": "https://e.org/s"})
    assert links is not None
    assert links["self"] == (Link(href="https://e.org/s"),)
    assert len(problems) == 1
    assert problems[0].kind is ProblemKind.COERCED
    assert problems[0].path.startswith(f"{PATH}.self")


def test_link_without_href_is_left_out_with_an_invalid_problem() -> None:
    links, problems = read(
        {"author": [{"embeddable": True}, {"embeddable": True, "href": "https://e.org/u/5"}]}
    )
    assert links is not None
    assert links["author"] == (Link(href="https://e.org/u/5", embeddable=True),)
    assert [(problem.path, problem.kind) for problem in problems] == [
        (f"{PATH}.author[0]", ProblemKind.INVALID)
    ]


def test_relation_that_is_not_links_is_left_out() -> None:
    links, problems = read({"self": 5, "about": [{"href": "https://e.org/a"}]})
    assert links is not None
    assert list(links) == ["about"]
    assert [(problem.path, problem.kind) for problem in problems] == [
        (f"{PATH}.self", ProblemKind.INVALID)
    ]


@pytest.mark.parametrize("value", [pytest.param("links", id="string"), pytest.param(3, id="int")])
def test_links_that_are_not_an_object_are_invalid(value: Any) -> None:
    links, problems = read(value)
    assert links is None
    assert [(problem.path, problem.kind) for problem in problems] == [(PATH, ProblemKind.INVALID)]


def test_empty_array_is_empty_links() -> None:
    links = links_of([])
    assert links == Links()
    assert len(links) == 0
    assert list(links) == []
    assert links.first_href("self") is None


def test_empty_array_links_in_a_post(seed_dict: dict[str, Any]) -> None:
    seed_dict["_links"] = []
    post = parse_post(seed_dict)
    assert post.links == Links()
    assert post.warnings == ()


def test_first_href() -> None:
    links = links_of(
        {
            "wp:term": [{"href": "https://e.org/first"}, {"href": "https://e.org/second"}],
            "replies": [],
        }
    )
    assert links.first_href("wp:term") == "https://e.org/first"
    assert links.first_href("https://api.w.org/term") == "https://e.org/first"
    assert links.first_href("replies") is None
    assert links.first_href("up") is None


def test_to_dict_gives_back_what_was_sent(seed_dict: dict[str, Any]) -> None:
    raw = seed_dict["_links"]
    links = links_of(raw)
    assert links.to_dict() == raw


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(COMPACT, id="compact"),
        pytest.param(FULL, id="full"),
        pytest.param(
            {
                "self": [{"href": "https://e.org/s", "targetHints": {"allow": ["GET"]}}],
                "version-history": [{"count": 0, "href": "https://e.org/r"}],
                "predecessor-version": [{"id": 3, "href": "https://e.org/r/3"}],
                "alternate": [{"href": "https://e.org/f", "type": "text/html"}],
            },
            id="attributes",
        ),
    ],
)
def test_to_dict_round_trip(raw: dict[str, Any]) -> None:
    links = links_of(raw)
    again = links_of(links.to_dict())
    assert again == links
    assert again.to_dict() == links.to_dict()
    assert links.to_dict() == raw
