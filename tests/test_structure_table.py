"""Field tables: each model's fields declared once, read fast, and written back in full."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.strategies import json_values
from wpparse._structure.embedded import (
    COMMENT_FIELDS,
    TERM_FIELDS,
    USER_FIELDS,
    Comment,
    Term,
    User,
)
from wpparse._structure.fields import (
    read_bool,
    read_id,
    read_int,
    read_int_list,
    read_object,
    read_stored_int,
    read_str,
    read_str_list,
)
from wpparse._structure.links import LINK_FIELDS, Link
from wpparse._structure.media import (
    IMAGE_SIZE_FIELDS,
    MEDIA_DETAILS_FIELDS,
    ImageSize,
    MediaDetails,
)
from wpparse._structure.post import POST_FIELDS, Post, taxonomy_rest_base
from wpparse._structure.problems import ProblemLog
from wpparse._structure.rendered import RENDERED_FIELDS, Rendered
from wpparse._structure.search import SEARCH_RESULT_FIELDS, SearchResult
from wpparse._structure.table import Field, FieldTable, read_value

READERS = [
    read_int,
    read_stored_int,
    read_id,
    read_str,
    read_bool,
    read_object,
    read_int_list,
    read_str_list,
]
# Values of every JSON type, with the shapes the fast path takes as they are (ids, zeros,
# lists of ids, lists with one item of another type) well represented.
VALUES = st.one_of(
    st.integers(min_value=-3, max_value=3),
    st.lists(st.integers(min_value=0, max_value=5), max_size=3),
    st.lists(st.one_of(st.integers(), st.booleans(), st.text(max_size=2), st.none()), max_size=3),
    st.lists(st.text(max_size=3), max_size=3),
    json_values(),
)


@pytest.mark.parametrize("reader", READERS, ids=lambda reader: reader.__name__)
@given(value=VALUES)
def test_the_fast_path_reads_what_the_reader_reads(reader: Any, value: Any) -> None:
    # A value the table takes without calling the reader must come out as the reader would
    # give it, and with no problem, since the reader would have recorded none either.
    table = FieldTable(Field("x", reader, key="a-key"))
    fast_log, slow_log = ProblemLog(), ProblemLog()
    fast = table.read({"a-key": value}, "$", fast_log).get("x")
    slow = reader(value, "$['a-key']", slow_log)
    assert fast == slow
    assert type(fast) is type(slow)
    assert fast_log.problems == slow_log.problems
    one_log = ProblemLog()
    one = read_value(value, reader, "$", "['a-key']", one_log)
    assert one == slow
    assert type(one) is type(slow)
    assert one_log.problems == slow_log.problems


def test_read_leaves_out_absent_keys_and_reports_at_each_key_s_path() -> None:
    table = FieldTable(Field("sticky", read_bool), Field("count", read_int, key="wp:count"))
    log = ProblemLog()
    # "many" is no count: read as None, it is left out, and the model's default stands.
    assert table.read({"sticky": "1", "wp:count": "many"}, "$._embedded.up[0]", log) == {
        "sticky": True,
    }
    assert [problem.path for problem in log.problems] == [
        "$._embedded.up[0].sticky",
        "$._embedded.up[0]['wp:count']",
    ]
    assert table.read({}, "$", ProblemLog()) == {}


def test_unread_is_every_other_key_in_input_order() -> None:
    table = FieldTable(
        Field("id", read_int), Field("title"), Field("extra", write=dict, merge=True)
    )
    obj = {"zeta": 1, "id": 2, "acf": [], "alpha": 3, "title": {"rendered": "x"}, "extra": 0}
    unread = table.unread(obj, "$", ProblemLog(), also={"alpha"})
    # "extra" is merged on writing, so it is no key of the model's: a field named so is kept.
    assert list(unread.items()) == [("zeta", 1), ("acf", []), ("extra", 0)]


def test_write_follows_the_table_and_leaves_out_none() -> None:
    @attrs.frozen
    class Model:
        a: int | None
        b: tuple[int, ...] | None
        flag: bool
        extra: dict[str, Any]

    table = FieldTable(
        Field("flag", write=lambda value: True if value else None),
        Field("b", write=list, key="bee"),
        Field("a"),
        Field("extra", write=dict, merge=True),
    )
    assert list(table.write(Model(a=1, b=(2,), flag=True, extra={"z": 0})).items()) == [
        ("flag", True),
        ("bee", [2]),
        ("a", 1),
        ("z", 0),
    ]
    assert table.write(Model(a=None, b=None, flag=False, extra={})) == {}


# Attributes that hold no JSON key: problems, the base URL and caches of derived values.
_NOT_FIELDS = {"warnings", "base_url", "_derived", "_html_cut", "curies", "_by_uri"}


@pytest.mark.parametrize(
    ("model", "table"),
    [
        (Post, POST_FIELDS),
        (User, USER_FIELDS),
        (Term, TERM_FIELDS),
        (Comment, COMMENT_FIELDS),
        (Link, LINK_FIELDS),
        (ImageSize, IMAGE_SIZE_FIELDS),
        (MediaDetails, MEDIA_DETAILS_FIELDS),
        (Rendered, RENDERED_FIELDS),
        (SearchResult, SEARCH_RESULT_FIELDS),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_every_attribute_of_a_model_is_declared_once_in_its_table(
    model: type, table: FieldTable
) -> None:
    declared = [field.name for field in table.fields]
    attributes = {attribute.name for attribute in attrs.fields(model)} - _NOT_FIELDS
    assert len(declared) == len(set(declared))
    assert set(declared) == attributes


def _route_base_by_urlsplit(href: str) -> str | None:
    parts = urlsplit(href)
    route = parse_qs(parts.query).get("rest_route", [parts.path])[0]
    return route.rstrip("/").rpartition("/")[2] or None


_URL_PARTS = st.sampled_from(
    ["http://", "https://", "HTTPS://", " https://", "", "/", "//", "wp-json", "wp/v2", "tags",
     "categories", "/", "?", "#", "&", "=", "post=4", "rest_route=", "%2F", " ", "\t", ".", ":8080"]
)  # fmt: skip


@given(href=st.lists(_URL_PARTS, max_size=12).map("".join))
@example(href="https://example.org/wp-json/wp/v2/ta\tgs?post=1")  # urlsplit drops the tab
@example(href="https://example.org/wp-json/wp/v2/tags/ ")
@example(href="https://example.org?rest_route=/wp/v2/genres&post=4")
@example(href="https://example.org")
def test_the_taxonomy_of_a_term_link_is_read_as_a_url_parser_reads_it(href: str) -> None:
    # Most links skip the URL parser; those that do must still give what it gives.
    assert taxonomy_rest_base(href) == _route_base_by_urlsplit(href)
