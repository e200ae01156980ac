"""`wpparse markdown`: posts into Markdown files with front matter, at safe and stable paths.

A real static site generator reads the result in tests/test_hugo.py.
"""

from __future__ import annotations

import gc
import sys
import tempfile
import tomllib
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt

import wpparse
from tests.fake_site import FakeSite, running
from wpparse.output import markdown_command
from wpparse.output.front_matter import render_front_matter
from wpparse.output.http import Client
from wpparse.output.layout import Layout, safe_name
from wpparse.output.local_images import ImageStore, local_path
from wpparse.output.markdown_command import export_posts

SAMPLE = Path(__file__).parent.parent / "examples" / "data" / "posts.json"
FAST_CLIENT: dict[str, Any] = {"rate": 1000.0, "backoff": 0.01, "retries": 1}


def _split(text: str) -> tuple[dict[str, Any], str]:
    """The front matter (YAML or TOML) and the body of an exported file."""
    fence = text[:3]
    assert fence in ("---", "+++")
    _, matter, body = text.split(fence + "\n", 2)
    fields = yaml.safe_load(matter) if fence == "---" else tomllib.loads(matter)
    assert isinstance(fields, dict)
    return fields, body


def _files(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): path.read_text(encoding="utf-8")
        for path in sorted(folder.rglob("*.md"))
    }


def _post(**fields: Any) -> wpparse.Post:
    return wpparse.parse_post({"id": 1, "type": "post", "status": "publish", **fields})


# -- names and paths -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        pytest.param("caf%c3%a9-culture", "café-culture", id="percent-encoded"),
        pytest.param('a/b\\c:d*e?f"g<h>i|j', "a-b-c-d-e-f-g-h-i-j", id="unsafe-characters"),
        pytest.param("title\u3000", "title", id="trailing-full-width-space"),
        pytest.param("ends-with-dots...", "ends-with-dots", id="trailing-dots"),
        pytest.param("con", "con-", id="reserved"),
        pytest.param("LPT1.txt", "LPT1.txt-", id="reserved-with-extension"),
        pytest.param("", "7", id="empty"),
        pytest.param("..", "7", id="only-dots"),
        pytest.param("tab\there", "tab-here", id="control"),
        pytest.param("a" * 119 + "-bc", "a" * 119, id="cut-after-a-hyphen"),
    ],
)
def test_names_are_safe_everywhere(slug: str, expected: str) -> None:
    assert safe_name(slug, "7") == expected


def test_a_long_name_is_cut_on_a_character_boundary() -> None:
    name = safe_name("日本語" * 100, "7")
    assert len(name.encode("utf-8")) <= 120
    assert name == "日本語" * 13 + "日"


def test_layouts_place_posts_pages_and_custom_types() -> None:
    parent = _post(id=5, type="page", slug="about")
    child = _post(id=6, type="page", slug="team", parent=5)
    post = _post(id=7, slug="news", date="2024-05-03T10:00:00", date_gmt="2024-05-03T08:00:00")
    book = _post(id=8, type="book", slug="dune")
    pages = {5: parent, 6: child}
    paths = {
        kind: [str(Layout(kind, pages).path(item)) for item in (parent, child, post, book)]
        for kind in ("slug", "type", "date")
    }
    assert paths["slug"] == ["about.md", "team.md", "news.md", "dune.md"]
    assert paths["type"] == [
        "pages/about.md",
        "pages/about/team.md",
        "posts/news.md",
        "book/dune.md",
    ]
    assert paths["date"][2] == "posts/2024/05/news.md"
    assert paths["date"][1] == "pages/about/team.md"


def test_colliding_paths_are_numbered_whatever_their_case() -> None:
    layout = Layout("slug", {})
    paths = [str(layout.path(_post(id=n, slug=slug))) for n, slug in enumerate(["a", "A", "a"])]
    assert paths == ["a.md", "A-2.md", "a-3.md"]


def test_a_loop_of_parents_does_not_hang() -> None:
    one = _post(id=1, type="page", slug="one", parent=2)
    two = _post(id=2, type="page", slug="two", parent=1)
    assert str(Layout("type", {1: one, 2: two}).path(one)) == "pages/two/one.md"


# -- front matter ----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["yaml", "toml"])
def test_front_matter_reads_back_with_every_field(tmp_path: Path, fmt: str) -> None:
    summary = export_posts(wpparse.parse_posts(SAMPLE), tmp_path, front_matter_format=fmt)
    assert summary.new == 3
    files = _files(tmp_path)
    fields, body = _split(files["posts/café-culture-returns.md"])
    date = fields["date"]
    assert str(date) in ("2025-10-26T01:30:00+02:00", "2025-10-26 01:30:00+02:00")
    assert fields["title"] == "Café culture returns – and it’s louder than ever"
    assert fields["slug"] == "café-culture-returns"
    assert fields["draft"] is False
    assert fields["author"] == "Claire Dubois"
    assert fields["categories"] == ["City"]
    assert fields["tags"] == ["Cafés", "Winter"]
    assert fields["featured_image"].endswith("/terrace.jpg")
    assert fields["description"].startswith("After two quiet winters")
    assert fields["aliases"] == ["/2025/10/café-culture-returns/"]
    assert fields["wordpress_id"] == 512
    assert "lastmod" in fields
    assert "## What changed" in body


def test_terms_without_names_are_written_by_id_with_a_warning(tmp_path: Path) -> None:
    heard: list[str] = []
    summary = export_posts([_post(categories=[4, 9])], tmp_path, warn=heard.append)
    fields, _ = _split(_files(tmp_path)["posts/1.md"])
    assert fields["categories"] == [4, 9]
    assert summary.warnings[markdown_command.TERMS_BY_ID] == 1
    assert "categories [4, 9] by id" in heard[0]


@pytest.mark.parametrize(
    "title",
    [
        "key: value # not a comment",
        "yes",
        "- a list?",
        "@handle",
        "*star",
        "line\nbreak",
        "’quotes’",
    ],
)
@pytest.mark.parametrize("fmt", ["yaml", "toml"])
def test_titles_that_would_break_hand_written_front_matter_read_back(
    tmp_path: Path, title: str, fmt: str
) -> None:
    post = _post(title={"rendered": title.replace("\n", "<br>")})
    text = render_front_matter({"title": post.title.text if post.title else ""}, fmt)
    fields, _ = _split(text + "\nbody\n")
    assert fields["title"] == " ".join(title.split())


def test_drafts_and_yoast_descriptions(tmp_path: Path) -> None:
    post = _post(
        status="draft",
        excerpt={"rendered": "<p>The excerpt.</p>"},
        yoast_head_json={"description": "What Yoast says."},
    )
    export_posts([post], tmp_path)
    fields, _ = _split(_files(tmp_path)["posts/1.md"])
    assert fields["draft"] is True
    assert fields["description"] == "What Yoast says."


# -- the body --------------------------------------------------------------------------------


def test_the_body_renders_back_to_the_text_of_the_content(tmp_path: Path) -> None:
    posts = wpparse.parse_posts(SAMPLE)
    export_posts(posts, tmp_path)
    renderer = MarkdownIt("commonmark").enable("table")
    files = _files(tmp_path)
    assert len(files) == len(posts)
    for post in posts:
        (text,) = [
            text for path, text in files.items() if path.endswith(f"/{Layout.slug(post)}.md")
        ]
        _, body = _split(text)
        assert post.content is not None
        rendered = wpparse.Content(html=renderer.render(body)).text
        assert rendered.split() == post.content.text.split()


# -- the command -----------------------------------------------------------------------------


def test_running_twice_changes_nothing_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "content"
    assert markdown_command.main([str(SAMPLE), "-o", str(out)]) == 0
    first = _files(out)
    assert "3 posts written" in capsys.readouterr().err
    assert markdown_command.main([str(SAMPLE), "-o", str(out)]) == 0
    assert _files(out) == first
    assert "(0 new, 0 changed, 3 unchanged)" in capsys.readouterr().err
    page = out / "pages" / "contact.md"
    page.write_text(page.read_text(encoding="utf-8") + "edited\n", encoding="utf-8")
    assert markdown_command.main([str(SAMPLE), "-o", str(out), "-q"]) == 0
    assert _files(out) == first


def test_the_command_reads_folders_and_says_when_it_read_no_post(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "posts.json").write_bytes(SAMPLE.read_bytes())
    assert markdown_command.main([str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q"]) == 0
    assert len(_files(tmp_path / "out")) == 3
    (tmp_path / "empty.json").write_text("[]", encoding="utf-8")
    assert markdown_command.main([str(tmp_path / "empty.json"), "-o", str(tmp_path / "x")]) == 2
    assert "read no post" in capsys.readouterr().err


# -- images, links between posts, embeds -----------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(64))


def test_images_are_downloaded_once_and_linked_locally(tmp_path: Path) -> None:
    fake = FakeSite(files={"/wp-content/uploads/2024/05/photo.png": PNG})
    with running(fake):
        html = (
            f'<p><img src="{fake.url}wp-content/uploads/2024/05/photo.png" alt="A photo"></p>'
            f'<p><img src="{fake.url}missing.png" alt="Gone"></p>'
        )
        post = _post(slug="with-images", content={"rendered": html})
        heard: list[str] = []
        for run in range(2):
            store = ImageStore(tmp_path, Client(**FAST_CLIENT), "/images/", heard.append)
            summary = export_posts([post], tmp_path, images=store)
            assert store.downloaded == (1 if run == 0 else 0)  # the second run asks for nothing new
        assert summary.unchanged == 1
        saved = tmp_path / "images" / "127.0.0.1" / "wp-content" / "uploads" / "2024" / "05"
        assert (saved / "photo.png").read_bytes() == PNG
        assert [path for path in fake.requests if "photo" in path] == [
            "/wp-content/uploads/2024/05/photo.png"
        ]
    _, body = _split(_files(tmp_path)["posts/with-images.md"])
    assert "![A photo](/images/127.0.0.1/wp-content/uploads/2024/05/photo.png)" in body
    assert f"![Gone]({fake.url}missing.png)" in body  # kept: the page was HTML, not an image
    assert any("image not downloaded" in message and "missing.png" in message for message in heard)


def test_image_paths_are_safe_and_resized_copies_distinct() -> None:
    plain = local_path("https://cdn.example.org/wp-content/uploads/caf%C3%A9.jpg")
    assert str(plain) == "images/cdn.example.org/wp-content/uploads/café.jpg"
    small = local_path("https://i0.wp.com/example.org/a.jpg?resize=300,200")
    large = local_path("https://i0.wp.com/example.org/a.jpg?resize=1024,683")
    assert small != large
    assert str(small).startswith("images/i0.wp.com/example.org/a-")
    assert str(small).endswith(".jpg")
    assert local_path("data:image/png;base64,AAAA") is None
    escaping = local_path("https://example.org/../../etc/passwd")
    assert escaping is not None
    assert escaping.parts[:2] == ("images", "example.org")
    assert ".." not in escaping.parts


def test_links_between_exported_posts_point_to_their_new_paths(tmp_path: Path) -> None:
    first = _post(
        id=1,
        slug="first",
        link="https://example.org/2024/05/first/",
        content={
            "rendered": '<p><a href="https://example.org/2024/05/second#part">second</a>, '
            '<a href="https://example.org/elsewhere/">elsewhere</a>.</p>'
        },
    )
    second = _post(id=2, slug="second", link="https://example.org/2024/05/second/")
    summary = export_posts([first, second], tmp_path, rewrite_links=True)
    assert summary.links_rewritten == 1
    _, body = _split(_files(tmp_path)["posts/first.md"])
    assert "[second](/posts/second/#part)" in body
    assert "[elsewhere](https://example.org/elsewhere/)" in body


def test_embeds_become_hugo_shortcodes(tmp_path: Path) -> None:
    html = (
        '<figure class="wp-block-embed is-provider-youtube"><div class="wp-block-embed__wrapper">'
        '<iframe title="A video" src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed">'
        "</iframe></div></figure>"
        '<figure class="wp-block-embed is-provider-vimeo"><div class="wp-block-embed__wrapper">'
        '<iframe src="https://player.vimeo.com/video/76979871?dnt=1"></iframe></div></figure>'
        '<figure class="wp-block-embed is-provider-twitter"><div class="wp-block-embed__wrapper">'
        '<blockquote class="twitter-tweet"><p>Hello</p>&mdash; WordPress (@WordPress) '
        '<a href="https://twitter.com/WordPress/status/1234567890123456789">May 1</a>'
        "</blockquote></div></figure>"
        '<p><iframe title="A map" src="https://maps.example.com/embed?x=1"></iframe></p>'
    )
    export_posts([_post(slug="embeds", content={"rendered": html})], tmp_path, shortcodes="hugo")
    _, body = _split(_files(tmp_path)["posts/embeds.md"])
    assert "{{< youtube dQw4w9WgXcQ >}}" in body
    assert "{{< vimeo 76979871 >}}" in body
    assert '{{< tweet user="WordPress" id="1234567890123456789" >}}' in body
    assert "[A map](https://maps.example.com/embed?x=1)" in body  # no shortcode: a link


def test_terms_users_and_media_saved_beside_the_posts_name_theirs(tmp_path: Path) -> None:
    # As `wpparse fetch --types posts,categories,tags,users,media` saves a site, without _embed.
    objects = [
        {"id": 1, "type": "post", "status": "publish", "slug": "one", "author": 3,
         "categories": [4], "tags": [12], "featured_media": 50},
        {"id": 4, "name": "City &amp; Town", "slug": "city", "taxonomy": "category", "count": 1},
        {"id": 12, "name": "Cafés", "slug": "cafes", "taxonomy": "post_tag", "count": 1},
        {"id": 3, "name": "Claire Dubois", "slug": "claire", "avatar_urls": {"24": "a.png"}},
        {"id": 50, "type": "attachment", "slug": "photo", "status": "inherit",
         "source_url": "https://example.org/wp-content/uploads/photo.jpg"},
    ]  # fmt: skip
    heard: list[str] = []
    summary = export_posts(wpparse.parse_posts(objects), tmp_path, warn=heard.append)
    files = _files(tmp_path)
    assert sorted(files) == ["media/photo.md", "posts/one.md"]  # no file for a term or a user
    fields, _ = _split(files["posts/one.md"])
    assert fields["categories"] == ["City & Town"]
    assert fields["tags"] == ["Cafés"]
    assert fields["author"] == "Claire Dubois"
    assert fields["featured_image"] == "https://example.org/wp-content/uploads/photo.jpg"
    assert heard == []
    assert summary.warnings[markdown_command.TERMS_BY_ID] == 0


@pytest.mark.parametrize(
    ("missing", "argv", "hint"),
    [
        pytest.param("yaml", [], "wpparse[markdown]", id="yaml"),
        pytest.param("tomli_w", ["--front-matter", "toml"], "wpparse[markdown]", id="toml"),
        pytest.param("urllib3", ["--images", "download"], "wpparse[fetch]", id="images"),
    ],
)
def test_a_missing_extra_is_named_before_anything_is_read(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    missing: str,
    argv: list[str],
    hint: str,
) -> None:
    monkeypatch.setitem(sys.modules, missing, None)  # as if it were not installed
    with pytest.raises(SystemExit) as exited:
        markdown_command.main([str(SAMPLE), "-o", str(tmp_path / "out"), *argv])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert hint in err
    assert "by id" not in err  # nothing was read
    assert not (tmp_path / "out").exists()


def test_an_export_does_not_hold_the_posts_it_was_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Not the system's temporary folder (it may be in memory): the export's own.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-folder"))
    given: list[weakref.ref[wpparse.Post]] = []

    def posts() -> Iterator[wpparse.Post]:
        for number in range(1, 41):
            gc.collect()
            # Only the post given last may still be alive: the export keeps none of the others
            # (a site of any size is exported in bounded memory).
            assert sum(ref() is not None for ref in given) <= 1
            post = wpparse.parse_post(
                {
                    "id": number,
                    "type": "page" if number % 2 else "post",
                    "slug": f"p{number}",
                    "parent": number - 2 if number > 2 else 0,
                    "link": f"https://example.org/p{number}/",
                    "content": {"rendered": f'<p>Number {number}, <a href="/p1/">first</a></p>'},
                }
            )
            given.append(weakref.ref(post))
            yield post

    summary = export_posts(posts(), tmp_path, rewrite_links=True)
    assert summary.new == 40
    # Paths that need every post read first: page hierarchies, links to posts given later.
    page = tmp_path / "pages" / "p1" / "p3" / "p5.md"
    assert "Number 5, [first](/pages/p1/)" in page.read_text(encoding="utf-8")
    assert "Number 40" in (tmp_path / "posts" / "p40.md").read_text(encoding="utf-8")
    # The posts waited in a temporary file of the export's folder, gone now.
    assert {path.suffix for path in tmp_path.rglob("*") if path.is_file()} == {".md"}
