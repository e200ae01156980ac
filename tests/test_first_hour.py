"""What a new user meets first, tried from the user's side: the call they make, what they see."""

from __future__ import annotations

import importlib
import io
import json
import pickle
import re
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest

import wpparse
from wpparse._deprecation import OLD_PATHS
from wpparse.output import records_from_lines

SEED = Path(__file__).parent / "data" / "post-71191.json"


def test_a_posts_repr_fits_on_a_line_and_names_it() -> None:
    post = wpparse.parse_post(SEED.read_bytes())
    shown = repr(post)
    assert len(shown) < 250
    assert "\n" not in shown
    assert shown.startswith("<Post id=71191 type='post' slug='japans-tech-titans")
    assert "title='Japan’s Tech Titans" in shown
    assert "date='2026-04-14T08:51:16+07:00'" in shown
    assert "warnings" not in shown  # none to count


def test_a_posts_repr_counts_its_warnings_and_shortens_its_title() -> None:
    post = wpparse.parse_post({"id": "3", "title": {"rendered": "word " * 40}})
    assert repr(post) == (
        f"<Post id=3 type=None slug=None title='{('word ' * 12)[:59]}…' date=None warnings=1>"
    )


def test_wordpress_names_for_rendered_fields_work() -> None:
    post = wpparse.parse_post(SEED.read_bytes())
    assert post.title is not None
    assert post.title.rendered == post.title.html
    assert post.title.rendered.startswith("Japan&#8217;s")


def _skipped_warnings(call: object) -> list[warnings.WarningMessage]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()  # type: ignore[operator]
    return [w for w in caught if issubclass(w.category, wpparse.SkippedItemWarning)]


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda data: wpparse.parse_posts(data), id="parse_posts"),
        pytest.param(lambda data: list(wpparse.iter_posts(io.BytesIO(data))), id="iter_posts"),
        pytest.param(
            lambda data: records_from_lines(data.splitlines(), name="part"),
            id="records_from_lines",
        ),
    ],
)
def test_skipped_item_warnings_point_at_the_callers_code(call: object) -> None:
    data = (json.dumps({"id": 1}) + "\n" + json.dumps("not a post") + "\n").encode()
    caught = _skipped_warnings(lambda: call(data))  # type: ignore[operator]
    assert len(caught) == 1
    assert caught[0].filename == __file__


def test_skipped_item_warnings_point_at_the_caller_through_a_path(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text('{"id": 1}\n"not a post"\n', encoding="utf-8")
    caught = _skipped_warnings(lambda: wpparse.parse_posts(path))
    assert [w.filename for w in caught] == [__file__]


# -- a str means one thing, and a wrong guess is told so ------------------------------------------


def test_a_file_name_given_as_text_says_how_to_read_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("post.json").write_bytes(SEED.read_bytes())
    for parse in (wpparse.parse_post, wpparse.parse_posts):
        with pytest.raises(wpparse.WPParseError) as raised:
            parse("post.json")
        message = str(raised.value)
        assert "reads a str as JSON text" in message
        assert "pathlib.Path('post.json')" in message
    assert wpparse.parse_post(Path("post.json")).id == 71191


def test_json_text_given_to_iter_posts_says_where_it_goes() -> None:
    with pytest.raises(wpparse.WPParseError) as raised:
        list(wpparse.iter_posts('{"id": 1}'))
    assert "iter_posts reads a str as a path" in str(raised.value)
    assert "parse_posts" in str(raised.value)


def test_text_that_is_neither_says_only_what_is_wrong() -> None:
    with pytest.raises(wpparse.WPParseError) as raised:
        wpparse.parse_post("not json at all")
    assert str(raised.value) == "malformed JSON: Expecting value at line 1 column 1"


# -- empty input: one rule ---------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "  \n"])
def test_input_with_nothing_in_it_is_an_error_everywhere(tmp_path: Path, text: str) -> None:
    path = tmp_path / "empty.json"
    path.write_text(text, encoding="utf-8")
    for call in (
        lambda: wpparse.parse_post(path),
        lambda: wpparse.parse_posts(path),
        lambda: wpparse.parse_posts(text),
        lambda: list(wpparse.iter_posts(path)),
    ):
        with pytest.raises(wpparse.WPParseError, match="empty input"):
            call()


def test_an_empty_array_holds_no_post_and_is_no_error(tmp_path: Path) -> None:
    path = tmp_path / "none.json"
    path.write_text("[]", encoding="utf-8")
    assert wpparse.parse_posts(path) == []
    assert list(wpparse.iter_posts(path)) == []
    assert wpparse.parse_posts("[]") == []


def test_the_command_line_says_when_it_read_no_post(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from wpparse.output._cli import main

    (tmp_path / "none.json").write_text("[]", encoding="utf-8")
    (tmp_path / "empty.json").write_text("", encoding="utf-8")
    assert main([str(tmp_path / "none.json")]) == 0
    assert "read no post" in capsys.readouterr().err
    assert main([str(tmp_path / "empty.json")]) == 2
    assert "empty input" in capsys.readouterr().err


# -- messages whole --------------------------------------------------------------------------


def test_a_truncated_document_names_where_it_ends() -> None:
    with pytest.raises(wpparse.WPParseError) as raised:
        wpparse.parse_post('{"id": 1, "title": "abc')
    message = str(raised.value)
    assert message == (
        "truncated JSON: the text ends inside a value"
        " (Unterminated string starting at line 1 column 20)"
    )
    assert "at at" not in message


def test_a_broken_middle_line_is_malformed_not_the_end_of_the_stream(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text('{"id": 1}\n{"id": 2, "title": "cut\n{"id": 3}\n', encoding="utf-8")
    skipped: list[wpparse.WPParseError] = []
    assert [post.id for post in wpparse.iter_posts(path, on_error=skipped.append)] == [1, 3]
    assert len(skipped) == 1
    message = str(skipped[0])
    assert "line 2" in message
    assert "stream ends" not in message
    assert not message.endswith(" at")


# -- the public face --------------------------------------------------------------------------


def test_the_public_face_is_what_users_call_and_annotate_with() -> None:
    assert len(wpparse.__all__) == 38
    for name in wpparse.__all__:
        assert getattr(wpparse, name) is not None
    for moved in ("walk_blocks", "records_from_lines", "PostData", "Embed", "featured_image_url"):
        assert moved not in wpparse.__all__


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("walk_blocks", "wpparse.blocks.walk_blocks"),
        ("find_blocks", "wpparse.blocks.find_blocks"),
        ("has_block", "wpparse.blocks.has_block"),
        ("count_blocks", "wpparse.blocks.count_blocks"),
        ("serialize_blocks", "wpparse.blocks.serialize_blocks"),
        ("records_from_lines", "wpparse.output.records_from_lines"),
        ("PostData", "wpparse.typing.PostJSON"),
        ("PostsData", "wpparse.typing.CollectionJSON"),
        ("Source", "wpparse.typing.Source"),
        ("ErrorHandler", "wpparse.typing.SkippedItemHandler"),
        ("Embed", "wpparse.MediaEmbed"),
    ],
)
def test_moved_names_still_work_with_a_deprecation_warning(old: str, new: str) -> None:
    with pytest.warns(DeprecationWarning, match=rf"wpparse\.{old} is deprecated .* use {new}"):
        found = getattr(wpparse, old)
    module, _, name = new.rpartition(".")
    assert found is getattr(__import__(module, fromlist=[name]), name)


# The modules users import; every other module's path has a part that starts with "_".
PUBLIC_MODULES = {
    "wpparse",
    "wpparse.__main__",
    "wpparse.blocks",
    "wpparse.typing",
    "wpparse.output",
    "wpparse.output.fetch",
    "wpparse.output.fetch_command",
    "wpparse.output.http",
    "wpparse.output.markdown_command",
    "wpparse.output.front_matter",
    "wpparse.output.layout",
    "wpparse.output.local_images",
    "wpparse.output.on_dask",
}
PACKAGE = Path(wpparse.__file__).parent


def _module_names() -> set[str]:
    names = set()
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        names.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def test_private_modules_are_named_private() -> None:
    modules = _module_names()
    assert modules >= PUBLIC_MODULES
    for name in modules - PUBLIC_MODULES:
        assert any(part.startswith("_") for part in name.split(".")), name


def test_the_api_page_documents_public_modules_only() -> None:
    api = (PACKAGE.parent / "docs" / "api.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"(?:auto\w+|module)::\s+(wpparse[\w.]*)", api))
    assert documented
    for path in documented:
        assert not any(part.startswith("_") for part in path.split(".")), path


def _forget_old_paths() -> None:
    """Forget the old paths imported so far, so that importing one warns again."""
    for name in [name for name in sys.modules if OLD_PATHS.new_name(name) is not None]:
        del sys.modules[name]
    for old in OLD_PATHS.moves:
        parent, _, attribute = old.rpartition(".")
        if attribute in vars(sys.modules[parent]):
            delattr(sys.modules[parent], attribute)  # set there by an import or an attribute


@pytest.mark.parametrize(
    ("old", "new", "warned"),
    [
        # A module of a moved package: one warning, naming the package.
        ("wpparse.structure.post", "wpparse._structure.post", "wpparse._structure"),
        ("wpparse.normalize", "wpparse._normalize", "wpparse._normalize"),
        ("wpparse.read.decode", "wpparse._read.decode", "wpparse._read"),
        ("wpparse.parse", "wpparse._parse", "wpparse._parse"),
        ("wpparse.blocks.parser", "wpparse.blocks._parser", "wpparse.blocks._parser"),
        ("wpparse.output.records", "wpparse.output._records", "wpparse.output._records"),
    ],
)
def test_old_module_paths_still_import_with_a_deprecation_warning(
    old: str, new: str, warned: str
) -> None:
    _forget_old_paths()
    with pytest.warns(DeprecationWarning, match=rf"is private and moved to {re.escape(warned)};"):
        module = importlib.import_module(old)
    # The very module: patching, star imports and help() through the old path see it.
    assert module is importlib.import_module(new)
    assert module.__spec__ is not None
    assert module.__spec__.name == new


@pytest.mark.parametrize(
    ("package", "old", "new"),
    [
        ("wpparse", "structure", "wpparse._structure"),
        ("wpparse.output", "records", "wpparse.output._records"),
        ("wpparse.blocks", "parser", "wpparse.blocks._parser"),
    ],
)
def test_old_modules_are_still_attributes_of_their_packages(
    package: str, old: str, new: str
) -> None:
    # 0.1 imported them with their package: `import wpparse` then `wpparse.output.records`.
    _forget_old_paths()
    with pytest.warns(DeprecationWarning, match=rf"{package}\.{old} is private") as caught:
        module = getattr(importlib.import_module(package), old)
    assert module is importlib.import_module(new)
    assert caught[0].filename == __file__  # the warning points at the caller


def test_patching_through_an_old_path_patches_the_module(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    post = wpparse.parse_post({"id": 1, "date": "2024-01-02T03:04:05"})
    _forget_old_paths()
    with pytest.warns(DeprecationWarning, match="wpparse.output.records is private"):
        monkeypatch.setattr("wpparse.output.records._iso", lambda value: "patched")
    assert wpparse.to_record(post)["date"] == "patched"


def test_old_paths_star_import_and_name_what_they_lack() -> None:
    _forget_old_paths()
    names: dict[str, Any] = {}
    with pytest.warns(DeprecationWarning, match="wpparse.structure is private"):
        exec("from wpparse.structure.post import *", names)
    assert names["Post"] is wpparse.Post
    with pytest.raises(ImportError, match="cannot import name 'NoSuch'"):
        exec("from wpparse.structure import NoSuch", {})
    with pytest.raises(ModuleNotFoundError, match=r"No module named 'wpparse\.structure\.nosuch'"):
        importlib.import_module("wpparse.structure.nosuch")


def test_an_old_module_as_an_attribute_warns_once_and_a_reload_adds_no_finder() -> None:
    _forget_old_paths()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        exec("from wpparse.output import summary", {})
    assert len(caught) == 1
    finders = len(sys.meta_path)
    importlib.reload(wpparse)
    assert len(sys.meta_path) == finders


def test_posts_pickled_under_the_old_module_paths_still_load() -> None:
    post = wpparse.parse_post(SEED.read_bytes())
    assert post.content is not None
    post.content.text  # noqa: B018 - a field with derived values read
    # Protocol 0 writes module paths as lines of text, as 0.1 named its classes.
    data = pickle.dumps(post, protocol=0)
    old = data.replace(b"wpparse._structure.", b"wpparse.structure.")
    old = old.replace(b"wpparse._normalize.", b"wpparse.normalize.")
    assert old != data
    assert b"wpparse._" not in old
    _forget_old_paths()
    with pytest.warns(DeprecationWarning, match="is private and moved"):
        loaded = pickle.loads(old)
    assert loaded == post
    assert loaded.content is not None
    assert loaded.content.text == post.content.text


def test_featured_image_url_is_a_property_and_the_old_function_warns() -> None:
    post = wpparse.parse_post(
        {
            "id": 1,
            "featured_media": 7,
            "_embedded": {"wp:featuredmedia": [{"id": 7, "source_url": "https://e.org/a.jpg"}]},
        }
    )
    assert post.featured_image_url == "https://e.org/a.jpg"
    with pytest.warns(DeprecationWarning, match="Post.featured_image_url"):
        assert wpparse.featured_image_url(post) == "https://e.org/a.jpg"


def test_an_unknown_name_is_still_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'parse_everything'"):
        wpparse.parse_everything  # noqa: B018


# -- errors with kinds ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        ("{oops", wpparse.ErrorKind.NOT_JSON),
        ('{"id": 1, "title": "cut', wpparse.ErrorKind.TRUNCATED),
        ("<!DOCTYPE html><html>Blocked</html>", wpparse.ErrorKind.HTML_PAGE),
        ("", wpparse.ErrorKind.EMPTY),
        ("[1, 2]", wpparse.ErrorKind.NOT_AN_OBJECT),
        ('"a string"', wpparse.ErrorKind.NOT_AN_OBJECT),
        ('{"code": "rest_forbidden", "message": "No."}', wpparse.ErrorKind.WORDPRESS_ERROR),
        ("[" * 100_000, wpparse.ErrorKind.TOO_DEEP),
    ],
)
def test_errors_say_their_kind(data: str, kind: wpparse.ErrorKind) -> None:
    with pytest.raises(wpparse.WPParseError) as raised:
        wpparse.parse_post(data)
    assert raised.value.kind is kind


def test_too_large_unreadable_and_strict_problems_have_their_kinds(tmp_path: Path) -> None:
    with pytest.raises(wpparse.WPParseError) as raised:
        wpparse.parse_post('{"id": 1}', limits=wpparse.Limits(max_size=3))
    assert raised.value.kind is wpparse.ErrorKind.TOO_LARGE
    with pytest.raises(wpparse.WPParseError) as raised:
        list(wpparse.iter_posts(tmp_path / "missing.json"))
    assert raised.value.kind is wpparse.ErrorKind.UNREADABLE
    with pytest.raises(wpparse.WPParseError) as raised:
        wpparse.parse_post({"id": "7"}, strict=True)
    assert raised.value.kind is wpparse.ErrorKind.PROBLEMS


def test_skipped_items_carry_their_kind_to_the_handler() -> None:
    skipped: list[wpparse.WPParseError] = []
    wpparse.parse_posts('{"id": 1}\n7\n{oops\n', on_error=skipped.append)
    assert [error.kind for error in skipped] == [
        wpparse.ErrorKind.NOT_AN_OBJECT,
        wpparse.ErrorKind.NOT_JSON,
    ]


@pytest.mark.parametrize(
    ("old", "new"), [("PostData", "PostJSON"), ("PostsData", "CollectionJSON")]
)
def test_the_type_names_that_read_alike_are_renamed_with_a_warning(old: str, new: str) -> None:
    import wpparse.typing

    with pytest.warns(DeprecationWarning, match=rf"wpparse\.typing\.{old} is deprecated"):
        found = getattr(wpparse.typing, old)
    assert found is getattr(wpparse.typing, new)
    assert old not in wpparse.typing.__all__
    with pytest.raises(AttributeError, match="no attribute 'PostDatum'"):
        getattr(wpparse.typing, "PostDatum")  # noqa: B009 - a name that does not exist
